package dev.marketlens.emulator.reporting;

import java.util.Comparator;
import java.util.function.Function;

/** Sort keys: missing values sort first in ascending order, last in descending order. */
final class Sorting {

  private Sorting() {}

  static <T, K extends Comparable<? super K>> Comparator<T> by(Function<T, K> key) {
    return Comparator.comparing(key, Comparator.nullsFirst(Comparator.naturalOrder()));
  }

  /**
   * The requested key in the requested order, then the row key ascending, so that pages never
   * overlap (spec §6).
   */
  static <T> Comparator<T> stable(Comparator<T> key, Order order, Comparator<T> rowKey) {
    return (order == Order.DESC ? key.reversed() : key).thenComparing(rowKey);
  }
}
