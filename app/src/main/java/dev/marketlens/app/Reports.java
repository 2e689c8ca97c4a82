package dev.marketlens.app;

import dev.marketlens.metrics.Records;
import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.store.Database;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.sync.stored.StoredRecords;
import java.io.PrintWriter;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** What the report commands share: the stored records for the metrics, and printing a table. */
final class Reports {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private Reports() {}

  /**
   * The current records of the named account, or of every account in the store when no name is
   * given, for the metrics.
   */
  static Records forMetrics(Database database, String accountName) {
    List<VendorAccount> accounts =
        accountName == null
            ? StoreOptions.accounts(database).list()
            : List.of(StoreOptions.account(StoreOptions.accounts(database), accountName));
    Records records = new Records();
    for (VendorAccount account : accounts) {
      StoredRecords.read(database, account.id(), records::add, records::add);
    }
    return records;
  }

  static void print(ReportTable table, ReportTable.Format format, PrintWriter out) {
    if (format == ReportTable.Format.JSON) {
      out.println(JSON.writeValueAsString(table.objects()));
    } else {
      table.print(format, out);
    }
  }
}
