package dev.marketlens.web.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Scheduled sync: when an account is due")
class ScheduledSyncTest {
  private static final Instant NOW = Instant.parse("2026-11-26T07:00:00Z");

  @Test
  @DisplayName("the setting is whole minutes; absent, 0, negative or not a number means off")
  void interval() {
    assertThat(ScheduledSync.interval(Optional.of("30"))).isEqualTo(30);
    assertThat(ScheduledSync.interval(Optional.of(" 15 "))).isEqualTo(15);
    assertThat(ScheduledSync.interval(Optional.empty())).isZero();
    assertThat(ScheduledSync.interval(Optional.of("0"))).isZero();
    assertThat(ScheduledSync.interval(Optional.of("-5"))).isZero();
    assertThat(ScheduledSync.interval(Optional.of("half an hour"))).isZero();
  }

  @Test
  @DisplayName("an account never synced is due at once while the schedule is on")
  void neverSynced() {
    assertThat(ScheduledSync.due(Optional.empty(), 60, NOW)).isTrue();
    assertThat(ScheduledSync.due(Optional.empty(), 0, NOW)).isFalse();
  }

  @Test
  @DisplayName("an account is due when its latest run started the interval ago or longer")
  void dueAfterInterval() {
    assertThat(ScheduledSync.due(Optional.of(NOW.minus(Duration.ofMinutes(59))), 60, NOW))
        .isFalse();
    assertThat(ScheduledSync.due(Optional.of(NOW.minus(Duration.ofMinutes(60))), 60, NOW)).isTrue();
    assertThat(ScheduledSync.due(Optional.of(NOW.minus(Duration.ofDays(2))), 60, NOW)).isTrue();
    assertThat(ScheduledSync.due(Optional.of(NOW.minus(Duration.ofDays(2))), 0, NOW)).isFalse();
  }

  @Test
  @DisplayName("an uploaded file keeps only its own name, safe as a file name")
  void uploadNames() {
    assertThat(Uploads.fileName("licenses.csv")).isEqualTo("licenses.csv");
    assertThat(Uploads.fileName("../../etc/passwd")).isEqualTo("passwd");
    assertThat(Uploads.fileName("C:\\exports\\tx.json")).isEqualTo("tx.json");
    assertThat(Uploads.fileName("a;b$c.csv")).isEqualTo("a_b_c.csv");
    assertThat(Uploads.fileName("..")).isEqualTo("upload");
    assertThat(Uploads.fileName(null)).isEqualTo("upload");
  }
}
