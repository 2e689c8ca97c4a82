package dev.marketlens.emulator.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

@DisplayName("Faults and the rate limit (spec §5.3, issue: all off by default)")
class FaultsIT {

  private static final String ADMIN = "Bearer " + Emulator.ADMIN;

  private static Emulator.Reply faults(String query) {
    Emulator.Reply r = Emulator.post("/_emulator/faults" + query, ADMIN);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r;
  }

  @AfterEach
  void switchOff() {
    faults("");
  }

  @Test
  @DisplayName("with everything off, 32 parallel clients get 320 answers without a single refusal")
  void noRefusalWhenOff() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 320; i++) {
        int offset = i;
        answers.add(
            pool.submit(
                () ->
                    Emulator.get(Emulator.v2() + "/sales/transactions?limit=5&offset=" + offset)
                        .status()));
      }
      for (Future<Integer> f : answers) {
        assertThat(f.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  @DisplayName("--faults 100% with 502: every reporting request answers 502 with a JsonErrorsDoc")
  void statusFaults() {
    faults("?rate=100%25&kinds=502");
    Emulator.Reply r = Emulator.get(Emulator.v2() + "/licenses");
    Emulator.assertError(r, 502, "UPSTREAM_UNAVAILABLE");
    assertThat(Emulator.get("/_emulator/status", ADMIN).status())
        .as("the admin API is never faulted")
        .isEqualTo(200);
  }

  @Test
  @DisplayName("a 50% fault rate fails some requests and serves the others normally")
  void partialRate() {
    faults("?rate=0.5&kinds=503");
    int failed = 0;
    int served = 0;
    for (int i = 0; i < 60; i++) {
      int status = Emulator.get(Emulator.v3() + "/licenses?limit=1").status();
      if (status == 503) {
        failed++;
      } else {
        assertThat(status).isEqualTo(200);
        served++;
      }
    }
    assertThat(failed).isBetween(10, 50);
    assertThat(served).isBetween(10, 50);
  }

  @Test
  @DisplayName("truncated: the body stops early and the client cannot read a complete response")
  void truncated() {
    faults("?rate=1&kinds=truncated");
    assertThatThrownBy(() -> readWhole(Emulator.v2() + "/sales/transactions/export"))
        .isInstanceOf(IOException.class);
  }

  @Test
  @DisplayName("reset: headers promise a body, then the connection closes")
  void reset() {
    faults("?rate=1&kinds=reset");
    assertThatThrownBy(() -> readWhole(Emulator.v2() + "/licenses"))
        .isInstanceOf(IOException.class);
  }

  @Test
  @DisplayName("malformed: a 200 whose body is not valid JSON")
  void malformed() {
    faults("?rate=1&kinds=malformed");
    Emulator.Reply r = Emulator.get(Emulator.v2() + "/licenses?limit=5");
    assertThat(r.status()).isEqualTo(200);
    assertThatThrownBy(r::json).isInstanceOf(JacksonException.class);
  }

  @Test
  @DisplayName("§5.3: beyond the rate limit the answer is 429 with Retry-After in whole seconds")
  void rateLimit() {
    faults("?rateLimit=6/min");
    int ok = 0;
    Emulator.Reply limited = null;
    for (int i = 0; i < 5 && limited == null; i++) {
      Emulator.Reply r = Emulator.get(Emulator.v2() + "/licenses?limit=1");
      if (r.status() == 429) {
        limited = r;
      } else {
        ok++;
      }
    }
    assertThat(ok).as("the burst of 6/min is 1").isEqualTo(1);
    assertThat(limited).isNotNull();
    Emulator.assertError(limited, 429, "RATE_LIMITED");
    assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 10);
  }

  @Test
  @DisplayName("bad fault settings on the admin API → 400 naming the parameter")
  void badSettings() {
    Emulator.assertError(
        Emulator.post("/_emulator/faults?rate=2", ADMIN), 400, "VALIDATION_FAILED");
    Emulator.Reply r = Emulator.post("/_emulator/faults?rate=0.1&kinds=meteor", ADMIN);
    assertThat(Emulator.assertError(r, 400, "VALIDATION_FAILED").get("message").asString())
        .contains("meteor");
    Emulator.assertError(
        Emulator.post("/_emulator/faults?rateLimit=fast", ADMIN), 400, "VALIDATION_FAILED");
  }

  /** Reads a response whole as a strict client would, failing on a short body. */
  private static void readWhole(String path) throws IOException, InterruptedException {
    HttpResponse<InputStream> res =
        HttpClient.newHttpClient()
            .send(
                Emulator.request(path)
                    .header("Authorization", Emulator.basic(Emulator.EMAIL, Emulator.TOKEN))
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = res.body()) {
      in.readAllBytes();
    }
  }
}
