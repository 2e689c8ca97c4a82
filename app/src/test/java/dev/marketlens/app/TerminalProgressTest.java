package dev.marketlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.store.WriteResult;
import dev.marketlens.sync.incremental.SyncEngine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {
  private static final SyncEngine.StreamSummary SUMMARY =
      new SyncEngine.StreamSummary(
          "transactions",
          "incremental",
          "async export",
          1_200,
          new WriteResult(3, 2, 1_195, 0, List.of(new WriteResult.Drift("x", List.of("tier")))),
          List.of("77"));

  @Test
  @DisplayName("on a terminal: a bar with records, rate, megabytes and the time left")
  void bar_on_a_terminal() {
    StringWriter text = new StringWriter();
    TerminalProgress progress = new TerminalProgress(new PrintWriter(text), true);
    progress.started("transactions", "incremental", OptionalLong.of(1_200));
    progress.advanced("transactions", 600, 2_500_000);

    assertThat(text.toString())
        .contains("\rtransactions [############            ] 600/1,200")
        .contains("ETA ")
        .contains("/s  2.5 MB");
  }

  @Test
  @DisplayName("without a known total: records so far; off a terminal: only the result line")
  void without_total_and_off_terminal() {
    StringWriter onTerminal = new StringWriter();
    TerminalProgress bar = new TerminalProgress(new PrintWriter(onTerminal), true);
    bar.started("licenses", "full", OptionalLong.empty());
    bar.advanced("licenses", 5_000, 0);
    assertThat(onTerminal.toString()).contains("licenses     5,000 records");

    StringWriter log = new StringWriter();
    TerminalProgress plain = new TerminalProgress(new PrintWriter(log), false);
    plain.started("transactions", "incremental", OptionalLong.of(1_200));
    plain.advanced("transactions", 600, 1);
    plain.finished("transactions", SUMMARY);
    assertThat(log.toString())
        .isEqualTo(
            "transactions  incremental by async export: 1,200 read, 3 new, 2 changed, 1,195"
                + " unchanged, 1 drifted, 1 no longer served\n");
  }
}
