package dev.marketlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code marketlens accounts} and {@code history} on the embedded database of a fresh home. */
@DisplayName("marketlens accounts, history")
class AccountsCommandIT {
  private static final String TOKEN = "ATATT3xFfGF0-very-secret";

  @TempDir Path home;

  @BeforeEach
  void useHome() {
    System.setProperty("marketlens.home", home.toString());
  }

  @AfterEach
  void clearHome() {
    System.clearProperty("marketlens.home");
  }

  @Test
  @DisplayName("add, list and remove an account; the token is never printed")
  void add_list_remove() {
    Cli.Result added =
        Cli.run(
            "accounts",
            "add",
            "Acme",
            "--vendor",
            "1212980",
            "--user",
            "ops@acme.io",
            "--token",
            TOKEN);
    assertThat(added.exitCode()).as("%s", added).isZero();
    assertThat(added.out())
        .isEqualTo("Account Acme saved (vendor 1212980, token stored encrypted).\n");

    Cli.Result listed = Cli.run("accounts", "list");
    assertThat(listed.out()).contains("Acme", "v2", "1212980", "ops@acme.io", "stored");
    assertThat(added.out() + added.err() + listed.out() + listed.err()).doesNotContain(TOKEN);

    assertThat(Cli.run("accounts", "remove", "Acme").out()).isEqualTo("Account Acme removed.\n");
    Cli.Result again = Cli.run("accounts", "remove", "Acme");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).isEqualTo("marketlens: no account named Acme\n");
  }

  @Test
  @DisplayName("history of an id nobody has seen says so and exits 1")
  void history_of_unknown_id() {
    Cli.run("accounts", "add", "Acme", "--vendor", "1212980");
    Cli.Result history = Cli.run("history", "SEN-404");
    assertThat(history.exitCode()).isEqualTo(1);
    assertThat(history.err())
        .isEqualTo("marketlens: no license or transaction SEN-404 in account Acme\n");
  }

  @Test
  @DisplayName("without accounts, a command that needs one says how to add it")
  void no_account_yet() {
    Cli.Result history = Cli.run("history", "SEN-404");
    assertThat(history.exitCode()).isEqualTo(1);
    assertThat(history.err())
        .isEqualTo(
            "marketlens: no account yet: add one with ./marketlens accounts add, or sync or import"
                + " first\n");
  }
}
