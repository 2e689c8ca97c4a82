package dev.marketlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code marketlens reconcile} after a sync from the emulated Marketplace: our figures against the
 * API's partner metrics, cloud renewals and conversion for the same months.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReconcileAgainstEmulatorIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir static Path home;
  private EmulatedMarketplace market;
  private List<JsonNode> rows;

  @BeforeAll
  void syncAndReconcile() {
    System.setProperty("marketlens.home", home.toString());
    market = EmulatedMarketplace.start(9, 400, Duration.ofMillis(200));
    InProcessCli.Result sync = InProcessCli.run(market.sync());
    assertThat(sync.exitCode()).as(sync.toString()).isZero();
    InProcessCli.Result reconciled =
        InProcessCli.run(
            "reconcile",
            "--from",
            "2024-01",
            "--to",
            "2026-09",
            "--as-of",
            "2026-10-31",
            "--format",
            "json",
            "--all");
    assertThat(reconciled.exitCode()).as(reconciled.toString()).isZero();
    rows = new ArrayList<>();
    JSON.readTree(reconciled.out()).forEach(rows::add);
  }

  @AfterAll
  void stop() {
    market.close();
    System.clearProperty("marketlens.home");
  }

  private List<JsonNode> of(String metric) {
    return rows.stream().filter(r -> r.get("metric").asString().equals(metric)).toList();
  }

  @Test
  @DisplayName(
      "issue 6: MRR movements equal the API's partner metrics once its grace is applied; our grace explains the rest")
  void mrrMovementsReconcile() {
    List<JsonNode> mrr = of("mrr");
    assertThat(mrr).hasSize(33 * 7);
    assertThat(mrr)
        .allSatisfy(r -> assertThat(r.get("unexplained").asLong()).as(r.toString()).isZero());
  }

  @Test
  @DisplayName(
      "issue 6: cloud renewals and conversions differ from the API's only as far as a difference of definition explains")
  void renewalsAndConversionReconcile() {
    assertThat(of("renewals")).isNotEmpty();
    assertThat(of("conversion")).isNotEmpty();
    for (JsonNode r : rows) {
      assertThat(r.get("unexplained").asLong()).as(r.toString()).isZero();
      assertThat(r.get("difference").asLong())
          .as(r.toString())
          .isEqualTo(r.get("explained").asLong());
    }
    assertThat(rows).anySatisfy(r -> assertThat(r.get("explained").asLong()).isNotZero());
  }
}
