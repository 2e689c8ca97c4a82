package dev.marketlens.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./marketlens emulator --world DIR} as a user runs it: a separate process serving the world
 * that {@code generate} wrote, to a client that knows only the printed base URL and credentials.
 */
@DisabledOnOs(OS.WINDOWS)
@DisplayName("./marketlens emulator")
class EmulatorLauncherIT {

  private static final Pattern V2 =
      Pattern.compile("v2\\s+(http://\\S+/rest/2/vendors/\\d+/reporting)");
  private static final Pattern ACCOUNT =
      Pattern.compile("^\\s+(\\S+@\\S+):(\\S+)\\s+vendors", Pattern.MULTILINE);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path tmp;

  @Test
  @DisplayName(
      "serves the world written by generate: the same transaction lines and licenses as its files")
  void servesTheGeneratedWorld() throws Exception {
    Path repo = repository();
    Path world = tmp.resolve("world");
    Process generate =
        new ProcessBuilder(
                "./marketlens",
                "generate",
                "--seed",
                "5",
                "--customers",
                "300",
                "--out",
                world.toString())
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("generate.txt").toFile())
            .start();
    assertThat(generate.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(generate.exitValue()).as(Files.readString(tmp.resolve("generate.txt"))).isZero();

    Process emulator =
        new ProcessBuilder(
                "./marketlens",
                "emulator",
                "--world",
                world.toString(),
                "--port",
                "0",
                "--no-reporting-lag")
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .start();
    try {
      StringBuilder printed = new StringBuilder();
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(emulator.getInputStream(), UTF_8));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      for (String line; System.nanoTime() < deadline && (line = lines.readLine()) != null; ) {
        printed.append(line).append('\n');
        if (line.startsWith("Press Ctrl-C")) {
          break;
        }
      }
      Matcher base = V2.matcher(printed);
      Matcher account = ACCOUNT.matcher(printed);
      assertThat(base.find()).as(printed.toString()).isTrue();
      assertThat(account.find()).as(printed.toString()).isTrue();
      String auth =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((account.group(1) + ":" + account.group(2)).getBytes(UTF_8));

      JsonNode served = get(base.group(1) + "/sales/transactions/export?accept=json", auth);
      JsonNode written = JSON.readTree(world.resolve("transactions.json").toFile());
      assertThat(ids(served, "transactionLineItemId"))
          .isEqualTo(ids(written, "transactionLineItemId"));

      Set<String> licenses = new HashSet<>();
      for (String free : new String[] {"false", "true"}) {
        licenses.addAll(
            ids(
                get(
                    base.group(1)
                        + "/licenses/export?accept=json&includeAtlassianLicenses=true"
                        + "&showLifeTimeFreeLicenses="
                        + free,
                    auth),
                "licenseId"));
      }
      assertThat(licenses)
          .isEqualTo(ids(JSON.readTree(world.resolve("licenses.json").toFile()), "licenseId"));
    } finally {
      emulator.descendants().forEach(ProcessHandle::destroyForcibly);
      emulator.destroyForcibly();
      emulator.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static JsonNode get(String url, String auth) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", auth)
                    .timeout(Duration.ofSeconds(60))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** The values of {@code field} (or, when absent, the entitlement number) of every row. */
  private static Set<String> ids(JsonNode rows, String field) {
    Set<String> ids = new HashSet<>();
    for (JsonNode row : rows) {
      JsonNode id = row.get(field);
      ids.add(id != null ? id.asString() : row.get("appEntitlementNumber").asString());
    }
    assertThat(ids).hasSize(rows.size());
    return ids;
  }

  private static Path repository() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    assertThat(dir).isNotNull();
    return dir;
  }
}
