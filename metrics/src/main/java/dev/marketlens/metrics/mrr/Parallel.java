package dev.marketlens.metrics.mrr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work over independent items (licenses, customers) split into ranges, run on this thread and the
 * common pool's at once. There are several ranges per core, taken by whichever thread is free: on a
 * shared machine a core is often busy with something else for a while, and with one range per core
 * the whole run would wait for the range that core holds.
 */
public final class Parallel {

  /** Ranges per core. */
  private static final int RANGES_PER_CORE = 8;

  /** Works on items {@code [from, to)}. */
  public interface Range {
    void run(int from, int to);
  }

  /** Works on items {@code [from, to)} and returns what it found. */
  public interface RangeResult<T> {
    T run(int from, int to);
  }

  private Parallel() {}

  /** How many threads work at once: one per core, at most eight. */
  public static int parts() {
    return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
  }

  /**
   * Runs {@code body} over {@code [0, items)} in ranges on {@link #parts()} threads at once (this
   * one and the common pool's); returns when all are done.
   */
  public static void ranges(int items, Range body) {
    map(
        items,
        (from, to) -> {
          body.run(from, to);
          return null;
        });
  }

  /** {@link #ranges}, returning each range's result, in the ranges' order. */
  public static <T> List<T> map(int items, RangeResult<T> body) {
    int parts = parts();
    int ranges =
        parts == 1 ? 1 : (int) Math.max(1, Math.min(items, (long) parts * RANGES_PER_CORE));
    Object[] results = new Object[ranges];
    AtomicInteger next = new AtomicInteger();
    Runnable worker =
        () -> {
          for (int r; (r = next.getAndIncrement()) < ranges; ) {
            int from = (int) ((long) items * r / ranges);
            int to = (int) ((long) items * (r + 1) / ranges);
            results[r] = body.run(from, to);
          }
        };
    List<ForkJoinTask<?>> helpers = new ArrayList<>();
    for (int part = 1; part < parts; part++) {
      helpers.add(ForkJoinPool.commonPool().submit(worker));
    }
    worker.run();
    for (ForkJoinTask<?> helper : helpers) {
      helper.join();
    }
    @SuppressWarnings("unchecked")
    List<T> list = (List<T>) Arrays.asList(results);
    return list;
  }
}
