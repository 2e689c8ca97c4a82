package dev.marketlens.sync.wire;

import dev.marketlens.sync.internal.CsvTokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rows of a CSV export after its header, looked up by column name. */
final class CsvRecords {
  static final List<String> LICENSE_REQUIRED =
      List.of(
          "addonKey", "hosting", "licenseType", "status", "maintenanceStartDate", "lastUpdated");
  static final List<String> TRANSACTION_REQUIRED =
      List.of(
          "transactionId",
          "transactionLineItemId",
          "addonKey",
          "saleDate",
          "saleType",
          "licenseType",
          "hosting",
          "billingPeriod",
          "purchasePrice",
          "vendorAmount",
          "maintenanceStartDate",
          "maintenanceEndDate",
          "lastUpdated");

  private final CsvTokenizer tokenizer;
  private final String source;
  private final Map<String, Integer> columns = new HashMap<>();
  private final int width;
  private final ExportKind kind;

  CsvRecords(CsvTokenizer tokenizer, String source) {
    this.tokenizer = tokenizer;
    this.source = source;
    List<String> header = tokenizer.next();
    if (header == null) {
      throw new WireFormatException(source, null, "is empty (expected a CSV header row)");
    }
    String where = "line " + tokenizer.rowLine();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip();
      if (!name.isEmpty() && columns.putIfAbsent(name, i) != null) {
        throw new WireFormatException(
            source, where, "column " + name, null, "appears twice in the header", null);
      }
    }
    width = header.size();
    if (columns.containsKey("transactionLineItemId") && columns.containsKey("saleDate")) {
      kind = ExportKind.TRANSACTIONS;
    } else if (columns.containsKey("maintenanceStartDate") && columns.containsKey("addonKey")) {
      kind = ExportKind.LICENSES;
    } else {
      throw new WireFormatException(
          source,
          where,
          "is not a recognisable export header (expected a transaction header with saleDate and"
              + " transactionLineItemId, or a license header with addonKey and"
              + " maintenanceStartDate)");
    }
    List<String> missing = new ArrayList<>();
    for (String required :
        kind == ExportKind.TRANSACTIONS ? TRANSACTION_REQUIRED : LICENSE_REQUIRED) {
      if (!columns.containsKey(required)) {
        missing.add(required);
      }
    }
    if (!missing.isEmpty()) {
      throw new WireFormatException(
          source,
          where,
          "misses required "
              + (missing.size() == 1 ? "column " : "columns ")
              + String.join(", ", missing)
              + " (in a "
              + (kind == ExportKind.TRANSACTIONS ? "transaction" : "license")
              + " export header)");
    }
  }

  ExportKind kind() {
    return kind;
  }

  /** The next row, or null at the end. */
  CsvFields next() {
    List<String> row = tokenizer.next();
    if (row == null) {
      return null;
    }
    if (row.size() != width) {
      throw new WireFormatException(
          source,
          "line " + tokenizer.rowLine(),
          "has " + row.size() + " fields but the header has " + width + " columns");
    }
    return new CsvFields(source, columns, row, tokenizer.rowLine());
  }
}
