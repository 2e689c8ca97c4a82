package dev.marketlens.app;

import dev.marketlens.store.Database;
import dev.marketlens.store.StoreException;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.store.VendorAccounts;
import dev.marketlens.store.WriteResult;
import dev.marketlens.sync.incremental.AccountSync;
import dev.marketlens.sync.incremental.SyncEngine;
import dev.marketlens.sync.incremental.SyncException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code marketlens sync}: brings a vendor account's licenses and transactions from the reporting
 * API into the store — in full the first time, then only what changed, with a full reconciliation
 * every week.
 */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = {
      "Syncs licenses and transactions from the Marketplace reporting API into the database.",
      "With --vendor or --developer it saves the account (token encrypted) and syncs it; without,"
          + " it syncs the account named by --account, or every account with a token."
    })
final class SyncCommand implements Callable<Integer> {
  private static final int DRIFTS_SHOWN = 20;

  @Spec CommandSpec command;
  @Mixin StoreOptions store;

  @ArgGroup(multiplicity = "0..1")
  AccountsCommand.Ids ids;

  @Option(names = "--account", paramLabel = "NAME", description = "The account's name.")
  String accountName;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "The reporting API's base URL (default: Atlassian's v2 or v3 host).")
  String baseUrl;

  @Option(names = "--user", paramLabel = "EMAIL", description = "The Atlassian account email.")
  String user;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description =
          "The Atlassian API token (default: $MARKETLENS_API_TOKEN, else the stored one); stored"
              + " encrypted, never printed.")
  String token;

  @ArgGroup(multiplicity = "0..1")
  Pass pass;

  static final class Pass {
    @Option(names = "--full", description = "Read everything and reconcile, whatever is due.")
    boolean full;

    @Option(
        names = "--incremental",
        description = "Read only what changed since the last run, even when a reconcile is due.")
    boolean incremental;
  }

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    try (Database database = store.open()) {
      VendorAccounts accounts = StoreOptions.accounts(database);
      List<VendorAccount> targets;
      if (ids != null) {
        targets = List.of(save(accounts));
      } else if (accountName != null) {
        targets = List.of(StoreOptions.account(accounts, accountName));
      } else {
        targets = accounts.list().stream().filter(VendorAccount::hasToken).toList();
        if (targets.isEmpty()) {
          throw new StoreException(
              "no account to sync: give --vendor ID (or --developer ID), --user and --token, or"
                  + " add one with ./marketlens accounts add");
        }
      }
      int failures = 0;
      for (VendorAccount account : targets) {
        failures += sync(database, accounts, account, out) ? 0 : 1;
      }
      return failures == 0 ? 0 : 1;
    }
  }

  private VendorAccount save(VendorAccounts accounts) {
    String id = ids.vendor != null ? ids.vendor : ids.developer;
    String name =
        accountName != null ? accountName : (ids.vendor != null ? "vendor-" : "developer-") + id;
    String secret = token != null ? token : System.getenv("MARKETLENS_API_TOKEN");
    if (secret == null) {
      secret = accounts.find(name).flatMap(accounts::token).orElse(null);
    }
    if (secret == null) {
      throw new StoreException(
          "account " + name + " has no API token: give --token or set MARKETLENS_API_TOKEN");
    }
    return accounts.save(
        new VendorAccount.New(
            name,
            ids.developer != null ? "v3" : "v2",
            ids.vendor,
            ids.developer,
            baseUrl,
            user,
            secret));
  }

  private boolean sync(
      Database database, VendorAccounts accounts, VendorAccount account, PrintWriter out) {
    SyncEngine.Mode mode =
        pass == null
            ? SyncEngine.Mode.AUTO
            : pass.full ? SyncEngine.Mode.FULL : SyncEngine.Mode.INCREMENTAL;
    return sync(database, accounts, account, mode, out, command);
  }

  /** Syncs one stored account and prints what it found; false (and why, on stderr) on failure. */
  static boolean sync(
      Database database,
      VendorAccounts accounts,
      VendorAccount account,
      SyncEngine.Mode mode,
      PrintWriter out,
      CommandSpec command) {
    AccountSync.Prepared prepared =
        new AccountSync(database, accounts, Settings.home(), Clock.systemUTC()).prepare(account);
    out.printf("Syncing %s from %s%n", account.name(), prepared.baseUrl());
    out.flush();
    try {
      SyncEngine.Summary summary =
          prepared.run(mode, new TerminalProgress(out, System.console() != null));
      WriteResult w = summary.written();
      out.printf(
          Locale.ROOT,
          "%s: %s run %d done: %,d new, %,d changed, %,d unchanged, %,d drifted; %.1f MB"
              + " received%n",
          account.name(),
          summary.kind(),
          summary.run(),
          w.created(),
          w.changed(),
          w.unchanged(),
          w.drifted(),
          summary.bytes() / 1e6);
      w.drifts().stream()
          .limit(DRIFTS_SHOWN)
          .forEach(
              d ->
                  out.printf(
                      "  drift: %s changed %s without a new lastUpdated%n",
                      d.id(), String.join(", ", d.fields())));
      if (w.drifted() > DRIFTS_SHOWN) {
        out.printf("  … and %d more; see ./marketlens history ID%n", w.drifted() - DRIFTS_SHOWN);
      }
      out.flush();
      return true;
    } catch (SyncException e) {
      out.flush();
      command.commandLine().getErr().println("marketlens: " + e.getMessage());
      command.commandLine().getErr().flush();
      return false;
    }
  }
}
