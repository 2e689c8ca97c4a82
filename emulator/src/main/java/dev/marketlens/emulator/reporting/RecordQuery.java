package dev.marketlens.emulator.reporting;

import java.util.Comparator;

/** The filter and sort of a list or export request for records of type {@code T}. */
public interface RecordQuery<T> {

  boolean matches(T record);

  /** The rows' order: the requested key and direction, then the row key ascending. */
  Comparator<T> comparator();

  /** Names {@link #comparator()}, so that sorted views can be shared between requests. */
  String sortKey();

  /**
   * Names the whole query (filters, sort, wire options), so that its matching rows can be shared
   * between the pages of one client paging through them.
   */
  String key();
}
