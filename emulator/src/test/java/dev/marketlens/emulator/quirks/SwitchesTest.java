package dev.marketlens.emulator.quirks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.emulator.quirks.Faults.Fault;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Quirk and fault switches")
class SwitchesTest {

  @Test
  @DisplayName(
      "quirks are named as in spec §14 and off unless listed; an unknown name lists the known ones")
  void quirkNames() {
    assertThat(Quirk.parse(null)).isEmpty();
    assertThat(Quirk.parse(" ")).isEmpty();
    assertThat(Quirk.parse("licensesOrderIgnored, dedupAsyncExports"))
        .containsExactlyInAnyOrder(Quirk.LICENSES_ORDER_IGNORED, Quirk.DEDUP_ASYNC_EXPORTS);
    assertThatThrownBy(() -> Quirk.parse("licensesOrderIgnored,teleport"))
        .hasMessageContaining("'teleport'")
        .hasMessageContaining("duplicate2018Licenses");
  }

  @Test
  @DisplayName("a fault rate reads as 0.05 or 5%; outside 0..1 or not a number is refused")
  void faultRates() {
    assertThat(Faults.parseRate("0.05")).isEqualTo(50_000);
    assertThat(Faults.parseRate("5%")).isEqualTo(50_000);
    assertThat(Faults.parseRate("1")).isEqualTo(1_000_000);
    assertThatThrownBy(() -> Faults.parseRate("1.5")).hasMessageContaining("'1.5'");
    assertThatThrownBy(() -> Faults.parseRate("-0.1")).hasMessageContaining("'-0.1'");
    assertThatThrownBy(() -> Faults.parseRate("often")).hasMessageContaining("'often'");
    assertThatThrownBy(() -> Faults.parseKinds("502,meteor")).hasMessageContaining("'meteor'");
  }

  @Test
  @DisplayName("faults off by default: no request fails")
  void noFaultsByDefault() {
    for (long r = 0; r < 10_000; r++) {
      assertThat(Faults.NONE.pick(r * 7919)).isNull();
    }
  }

  @Test
  @DisplayName("a 10% rate fails about one request in ten, spread over every enabled kind")
  void rateAndKinds() {
    Faults f = new Faults(100_000, EnumSet.of(Fault.ERROR_502, Fault.RESET));
    java.util.SplittableRandom random = new java.util.SplittableRandom(1);
    Map<Fault, Integer> seen = new EnumMap<>(Fault.class);
    int failed = 0;
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      Fault fault = f.pick(random.nextLong() & Long.MAX_VALUE);
      if (fault != null) {
        failed++;
        seen.merge(fault, 1, Integer::sum);
      }
    }
    assertThat(failed).isBetween(9_000, 11_000);
    assertThat(seen.keySet()).containsExactlyInAnyOrder(Fault.ERROR_502, Fault.RESET);
  }

  @Test
  @DisplayName(
      "§5.3: the rate limit allows a burst, then answers with whole seconds until a token frees")
  void rateLimit() {
    RateLimit limit = new RateLimit(60, 3);
    long t = 1_000_000_000L;
    assertThat(limit.take(t)).isZero();
    assertThat(limit.take(t)).isZero();
    assertThat(limit.take(t)).isZero();
    assertThat(limit.take(t)).isEqualTo(1);
    assertThat(limit.take(t + 1_000_000_000L)).isZero();
    assertThat(RateLimit.parsePerMinute("120/min")).isEqualTo(120);
    assertThat(RateLimit.parsePerMinute("30")).isEqualTo(30);
    assertThatThrownBy(() -> RateLimit.parsePerMinute("0/min")).hasMessageContaining("'0/min'");
    assertThatThrownBy(() -> RateLimit.parsePerMinute("fast")).hasMessageContaining("'fast'");
  }
}
