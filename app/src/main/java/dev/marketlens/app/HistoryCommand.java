package dev.marketlens.app;

import dev.marketlens.model.ModelException;
import dev.marketlens.model.id.TransactionLineItemId;
import dev.marketlens.store.Database;
import dev.marketlens.store.Licenses;
import dev.marketlens.store.RecordVersion;
import dev.marketlens.store.TransactionLines;
import dev.marketlens.store.VendorAccount;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code marketlens history ID}: every version of a license or transaction and the fields that
 * changed between them.
 */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description =
        "Shows every version of a license (by SEN, entitlement number or any license id) or of a"
            + " transaction (by transaction id or line item id), with the fields that changed.")
final class HistoryCommand implements Callable<Integer> {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Spec CommandSpec command;
  @Mixin StoreOptions store;

  @Parameters(index = "0", paramLabel = "LICENSE_OR_TX_ID")
  String id;

  @Option(names = "--account", paramLabel = "NAME", description = "The vendor account.")
  String accountName;

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    try (Database database = store.open()) {
      VendorAccount account = StoreOptions.account(StoreOptions.accounts(database), accountName);
      TransactionLines lines = new TransactionLines();
      Licenses licenses = new Licenses();
      boolean found =
          database.inTransaction(
              "read the history of " + id,
              c -> {
                boolean any = false;
                List<TransactionLineItemId> ofOrder = lines.linesOf(c, account.id(), id);
                Optional<TransactionLineItemId> asLine = lineItem(id);
                if (ofOrder.isEmpty() && asLine.isPresent()) {
                  ofOrder = List.of(asLine.get());
                }
                for (TransactionLineItemId line : ofOrder) {
                  List<RecordVersion> versions = lines.history(c, account.id(), line);
                  if (!versions.isEmpty()) {
                    print(out, "Transaction line " + line, versions);
                    any = true;
                  }
                }
                Optional<Long> license = licenses.find(c, account.id(), id);
                if (license.isPresent()) {
                  print(out, "License " + id, licenses.history(c, account.id(), license.get()));
                  any = true;
                }
                return any;
              });
      if (!found) {
        command
            .commandLine()
            .getErr()
            .println(
                "marketlens: no license or transaction " + id + " in account " + account.name());
        return 1;
      }
    }
    out.flush();
    return 0;
  }

  private static Optional<TransactionLineItemId> lineItem(String text) {
    try {
      return Optional.of(TransactionLineItemId.of(text));
    } catch (ModelException e) {
      return Optional.empty();
    }
  }

  private static void print(PrintWriter out, String title, List<RecordVersion> versions) {
    out.println(title + ": " + versions.size() + (versions.size() == 1 ? " version" : " versions"));
    for (RecordVersion v : versions) {
      out.printf(
          "  v%d  seen %s  lastUpdated %s%s%n",
          v.version(),
          v.seenAt(),
          v.lastUpdated() == null ? "-" : v.lastUpdated(),
          v.version() == 1 ? "  (first seen)" : "");
      JsonNode changed = JSON.readTree(v.changed());
      for (Map.Entry<String, JsonNode> field : changed.properties()) {
        out.printf(
            "      %s: %s → %s%n",
            field.getKey(), value(field.getValue().get("from")), value(field.getValue().get("to")));
      }
    }
  }

  private static String value(JsonNode node) {
    return node == null ? "(absent)" : node.isString() ? node.asString() : node.toString();
  }
}
