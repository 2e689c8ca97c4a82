package dev.marketlens.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a user runs it: the {@code ./marketlens} launcher at the repository root, as
 * a separate process. The launcher builds {@code app/target/marketlens.jar} when it is missing or
 * older than a source; in the build this runs after {@code package}, so the jar is normally fresh
 * and no rebuild happens (if one does, the run just takes longer).
 */
@DisabledOnOs(OS.WINDOWS)
@DisplayName("the ./marketlens launcher")
class LauncherIT {

  private static final long TIMEOUT_SECONDS = 120;

  private static Path repo;

  @TempDir Path tmp;

  @BeforeAll
  static void findTheRepository() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    assertThat(dir)
        .as("a directory holding mvnw above %s", Path.of("").toAbsolutePath())
        .isNotNull();
    repo = dir;
    assertThat(repo.resolve("marketlens")).isExecutable();
  }

  private record Run(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  /** Runs {@code ./marketlens args} from the repository root, killing it after the timeout. */
  private Run launch(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("./marketlens");
    command.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "stdout-", ".txt");
    Path err = Files.createTempFile(tmp, "stderr-", ".txt");
    Process process =
        new ProcessBuilder(command)
            .directory(repo.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      fail(
          "%s did not finish in %d s; stderr so far:%n%s",
          command, TIMEOUT_SECONDS, Files.readString(err, UTF_8));
    }
    Run run =
        new Run(process.exitValue(), Files.readString(out, UTF_8), Files.readString(err, UTF_8));
    if (run.err().contains("Building Marketlens")) {
      System.out.println("LauncherIT: the launcher rebuilt the jar for " + command);
    }
    return run;
  }

  private static java.io.File nullDevice() {
    return new java.io.File("/dev/null");
  }

  @Test
  @DisplayName("./marketlens --version exits 0 and prints the version")
  void version() throws Exception {
    Run r = launch("--version");
    assertThat(r.exitCode()).as("%s", r).isZero();
    assertThat(r.out()).as("%s", r).startsWith("marketlens ");
  }

  @Test
  @DisplayName(
      "./marketlens generate into a directory whose name has a space exits 0 and writes"
          + " transactions.csv there")
  void generateIntoADirectoryWithASpace() throws Exception {
    Path out = tmp.resolve("my world");
    Run r = launch("generate", "--seed", "3", "--customers", "150", "--out", out.toString());
    assertThat(r.exitCode()).as("%s", r).isZero();
    assertThat(out.resolve("transactions.csv")).isRegularFile();
    assertThat(Files.size(out.resolve("transactions.csv"))).isPositive();
    assertThat(out.resolve("ground-truth/movements.json")).isRegularFile();
    assertThat(r.out()).contains("Wrote " + out);
  }

  @Test
  @DisplayName("./marketlens generate --customers 0 exits 2 with a message naming --customers")
  void badArgumentsExitTwo() throws Exception {
    Path out = tmp.resolve("never");
    Run r = launch("generate", "--customers", "0", "--out", out.toString());
    assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
    assertThat(r.err()).as("%s", r).contains("--customers");
    assertThat(out).doesNotExist();
  }
}
