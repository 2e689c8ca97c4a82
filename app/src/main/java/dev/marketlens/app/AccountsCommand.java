package dev.marketlens.app;

import dev.marketlens.store.Database;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.store.VendorAccounts;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code marketlens accounts add|list|remove}: the vendor accounts Marketlens reads from. */
@Command(
    name = "accounts",
    mixinStandardHelpOptions = true,
    description = "Adds, lists and removes the Marketplace vendor accounts Marketlens reads from.",
    subcommands = {
      AccountsCommand.Add.class,
      AccountsCommand.ListAccounts.class,
      AccountsCommand.Remove.class
    })
final class AccountsCommand implements Runnable {
  @Spec CommandSpec command;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        command.commandLine(), "say what to do: accounts add, accounts list or accounts remove");
  }

  /** The ids of an account: a v2 vendor id or a v3 developer id. */
  static final class Ids {
    @Option(names = "--vendor", paramLabel = "ID", description = "Vendor id (API v2).")
    String vendor;

    @Option(names = "--developer", paramLabel = "ID", description = "Developer id (API v3).")
    String developer;
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description =
          "Adds an account, or replaces the settings of the one with that name. The token is"
              + " stored encrypted and never shown again.")
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec command;
    @Mixin StoreOptions store;

    @Parameters(index = "0", paramLabel = "NAME", description = "A name for the account.")
    String name;

    @ArgGroup(multiplicity = "1")
    Ids ids;

    @Option(names = "--user", paramLabel = "EMAIL", description = "The Atlassian account email.")
    String user;

    @Option(
        names = "--token",
        paramLabel = "TOKEN",
        description =
            "The Atlassian API token; without a value it is asked for (not echoed), and"
                + " $MARKETLENS_API_TOKEN is used when set.",
        arity = "0..1",
        interactive = true)
    String token;

    @Option(
        names = "--base-url",
        paramLabel = "URL",
        description = "The reporting API's base URL (default: Atlassian's).")
    String baseUrl;

    @Override
    public Integer call() {
      String secret = token != null ? token : System.getenv("MARKETLENS_API_TOKEN");
      try (Database database = store.open()) {
        VendorAccount account =
            StoreOptions.accounts(database)
                .save(
                    new VendorAccount.New(
                        name,
                        ids.developer != null ? "v3" : "v2",
                        ids.vendor,
                        ids.developer,
                        baseUrl,
                        user,
                        secret));
        PrintWriter out = command.commandLine().getOut();
        out.printf(
            "Account %s saved (%s %s, token %s).%n",
            account.name(),
            account.vendorId() != null ? "vendor" : "developer",
            account.vendorId() != null ? account.vendorId() : account.developerId(),
            account.hasToken() ? "stored encrypted" : "none");
        out.flush();
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the accounts.")
  static final class ListAccounts implements Callable<Integer> {
    @Spec CommandSpec command;
    @Mixin StoreOptions store;

    @Override
    public Integer call() {
      try (Database database = store.open()) {
        PrintWriter out = command.commandLine().getOut();
        var accounts = StoreOptions.accounts(database).list();
        if (accounts.isEmpty()) {
          out.println("No accounts. Add one with ./marketlens accounts add NAME --vendor ID.");
        } else {
          out.printf("%-20s %-4s %-38s %-30s %s%n", "NAME", "API", "ID", "USER", "TOKEN");
          for (VendorAccount a : accounts) {
            out.printf(
                "%-20s %-4s %-38s %-30s %s%n",
                a.name(),
                a.apiVersion(),
                a.vendorId() != null
                    ? a.vendorId()
                    : a.developerId() == null ? "-" : a.developerId(),
                a.email() == null ? "-" : a.email(),
                a.hasToken() ? "stored" : "none");
          }
        }
        out.flush();
      }
      return 0;
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Removes an account and everything stored for it.")
  static final class Remove implements Callable<Integer> {
    @Spec CommandSpec command;
    @Mixin StoreOptions store;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      try (Database database = store.open()) {
        VendorAccounts accounts = StoreOptions.accounts(database);
        if (!accounts.remove(name)) {
          command.commandLine().getErr().println("marketlens: no account named " + name);
          return 1;
        }
        PrintWriter out = command.commandLine().getOut();
        out.println("Account " + name + " removed.");
        out.flush();
      }
      return 0;
    }
  }
}
