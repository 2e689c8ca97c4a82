package dev.marketlens.app;

import dev.marketlens.sync.incremental.Progress;
import dev.marketlens.sync.incremental.SyncEngine;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * A sync's progress on a terminal: one line per stream, redrawn in place, with records read,
 * records per second, megabytes received and, when the export's size is known, a bar and the time
 * left. Off a terminal it prints only each stream's result.
 */
final class TerminalProgress implements Progress {
  private static final int WIDTH = 24;

  private final PrintWriter out;
  private final boolean terminal;
  private long startNanos;
  private OptionalLong total = OptionalLong.empty();
  private String kind;

  TerminalProgress(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public void started(String stream, String kind, OptionalLong records) {
    this.startNanos = System.nanoTime();
    this.total = records;
    this.kind = kind;
    if (terminal) {
      advanced(stream, 0, 0);
    }
  }

  @Override
  public void advanced(String stream, long records, long bytes) {
    if (!terminal) {
      return;
    }
    double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
    long rate = (long) (records / seconds);
    StringBuilder line =
        new StringBuilder("\r").append(String.format(Locale.ROOT, "%-13s", stream));
    if (total.isPresent() && total.getAsLong() > 0) {
      long all = total.getAsLong();
      int filled = (int) Math.min(WIDTH, records * WIDTH / all);
      line.append('[').append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ");
      line.append(String.format(Locale.ROOT, "%,d/%,d", records, all));
      if (rate > 0 && records < all) {
        line.append("  ETA ").append(duration(Duration.ofSeconds((all - records) / rate)));
      }
    } else {
      line.append(String.format(Locale.ROOT, "%,d records", records));
    }
    line.append(String.format(Locale.ROOT, "  %,d/s  %.1f MB", rate, bytes / 1e6));
    out.print(line.append("   "));
    out.flush();
  }

  @Override
  public void finished(String stream, SyncEngine.StreamSummary summary) {
    if (terminal) {
      out.print("\r" + " ".repeat(100) + "\r");
    }
    var w = summary.written();
    out.printf(
        Locale.ROOT,
        "%-13s %s by %s: %,d read, %,d new, %,d changed, %,d unchanged, %,d drifted%s%n",
        stream,
        kind,
        summary.path(),
        summary.read(),
        w.created(),
        w.changed(),
        w.unchanged(),
        w.drifted(),
        summary.disappeared().isEmpty()
            ? ""
            : String.format(Locale.ROOT, ", %,d no longer served", summary.disappeared().size()));
    out.flush();
  }

  private static String duration(Duration d) {
    long s = d.toSeconds();
    return s >= 3600
        ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
        : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
  }
}
