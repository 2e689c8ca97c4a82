package dev.marketlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("marketlens emulator: bad configuration exits 2 with a message naming the option")
class EmulatorCommandTest {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--port|70000|--port",
        "--quirks|licensesOrderIgnored,teleport|teleport",
        "--faults|2|--faults",
        "--faults|often|often",
        "--rate-limit|0/min|--rate-limit",
        "--rate-limit|fast|fast",
        "--tick|soon|--tick",
        "--tick|0s|--tick",
        "--user|x:y|VENDOR:EMAIL:TOKEN",
        "--user|abc:me@example.com:token|'abc'",
        "--admin-token|' '|--admin-token",
        "--customers|0|--customers",
        "--fault-kinds|502|--fault-kinds needs --faults"
      })
  void refusesBadOptions(String option, String value, String expected) {
    Cli.Result r = Cli.run("emulator", option, value);
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains(expected);
    assertThat(r.err()).doesNotContain("Exception");
  }

  @Test
  @DisplayName("--faults with an unknown --fault-kinds names the kind")
  void unknownFaultKind() {
    Cli.Result r = Cli.run("emulator", "--faults", "0.1", "--fault-kinds", "502,meteor");
    assertThat(r.exitCode()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("meteor");
  }

  @Test
  @DisplayName("--user for a vendor the world does not have names the vendor and lists the world's")
  void unknownVendor() {
    Cli.Result r =
        Cli.run("emulator", "--customers", "20", "--user", "1:me@example.com:s3cr3t-value");
    assertThat(r.exitCode()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("vendor [1] does not exist").contains("its vendors are");
    assertThat(r.err()).doesNotContain("s3cr3t-value");
  }

  @Test
  @DisplayName(
      "--world without world.json, with a malformed one, or together with --seed is refused")
  void badWorldDirectory(@TempDir Path dir) throws IOException {
    Cli.Result missing = Cli.run("emulator", "--world", dir.toString());
    assertThat(missing.exitCode()).isEqualTo(Main.USAGE);
    assertThat(missing.err()).contains("world.json does not exist");

    Files.writeString(dir.resolve("world.json"), "{\"seed\": 1, \"customers\": \"many\"}");
    Cli.Result malformed = Cli.run("emulator", "--world", dir.toString());
    assertThat(malformed.exitCode()).isEqualTo(Main.USAGE);
    assertThat(malformed.err()).contains("world.json").contains("'customers'").contains("many");

    Cli.Result both = Cli.run("emulator", "--world", dir.toString(), "--seed", "3");
    assertThat(both.exitCode()).isEqualTo(Main.USAGE);
    assertThat(both.err()).contains("drop --seed");
  }
}
