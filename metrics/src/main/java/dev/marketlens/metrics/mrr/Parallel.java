package dev.marketlens.metrics.mrr;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/** Work over independent items (licenses, customers) split into one range per core. */
public final class Parallel {

  /** Works on items {@code [from, to)}. */
  public interface Range {
    void run(int from, int to);
  }

  /** Works on items {@code [from, to)} and returns what it found. */
  public interface RangeResult<T> {
    T run(int from, int to);
  }

  private Parallel() {}

  /** How many ranges: one per core, at most eight. */
  public static int parts() {
    return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
  }

  /**
   * Runs {@code body} over {@code [0, items)} in {@link #parts()} ranges at once: the first on this
   * thread, the others on the common pool (which has one worker fewer than the cores); returns when
   * all are done.
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
    List<ForkJoinTask<T>> tasks = new ArrayList<>();
    for (int part = 1; part < parts; part++) {
      int from = (int) ((long) items * part / parts);
      int to = (int) ((long) items * (part + 1) / parts);
      tasks.add(ForkJoinPool.commonPool().submit(() -> body.run(from, to)));
    }
    List<T> results = new ArrayList<>();
    results.add(body.run(0, (int) ((long) items / parts)));
    for (ForkJoinTask<T> task : tasks) {
      results.add(task.join());
    }
    return results;
  }
}
