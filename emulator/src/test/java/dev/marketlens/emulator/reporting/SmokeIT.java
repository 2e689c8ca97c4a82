package dev.marketlens.emulator.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmokeIT {
  @Test
  void serves() {
    Emulator.Reply r = Emulator.get(Emulator.v2() + "/licenses?limit=2");
    System.out.println(r.body());
    Emulator.Reply t = Emulator.get(Emulator.v3() + "/sales/transactions?limit=1");
    System.out.println(t.body());
    System.out.println(Emulator.get(Emulator.v3() + "/licenses?limit=1&hosting=bogus").body());
    System.out.println(Emulator.get("/rest/2/nothing").body());
    assertThat(r.status()).isEqualTo(200);
  }
}
