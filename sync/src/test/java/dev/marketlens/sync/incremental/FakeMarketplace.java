package dev.marketlens.sync.incremental;

import dev.marketlens.model.license.License;
import dev.marketlens.model.transaction.TransactionLine;
import dev.marketlens.store.Received;
import dev.marketlens.sync.wire.ExportReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A source of licenses and transaction lines held in memory: each record is kept as the JSON the
 * API would send, and can be changed, added or removed between syncs. It keeps one export per state
 * of its data, so a resumed run reads the same export; it can fail after a given number of records,
 * as a dropped connection would.
 */
final class FakeMarketplace implements Source {
  private final Map<String, String> licenses = new TreeMap<>();
  private final Map<String, String> lines = new TreeMap<>();
  private int generation;
  private long bytes;
  private long failAfter = -1;
  long recordsSent;

  /** Adds or replaces a license with one add-on license id / SEN pair. */
  void license(int id, String tier, LocalDate lastUpdated, String email) {
    licenses.put(
        String.format("%08d", id),
        """
        {"addonLicenseId":"%d","licenseId":"SEN-%d","addonKey":"com.acme.planner",\
        "addonName":"Acme Planner","hosting":"Data Center","licenseType":"COMMERCIAL",\
        "status":"active","tier":"%s","maintenanceStartDate":"2024-03-01",\
        "maintenanceEndDate":"2025-03-01","lastUpdated":"%s","contactDetails":{"company":"Globex",\
        "country":"Germany","region":"EMEA","technicalContact":{"email":"%s","name":"Hank"}}}"""
            .formatted(id, id, tier, lastUpdated, email));
    generation++;
  }

  /** Adds or replaces a sale line of license {@code license}. */
  void line(int id, int license, String price, LocalDate lastUpdated) {
    lines.put(
        String.format("%08d", id),
        """
        {"transactionId":"AT-%d","transactionLineItemId":"%d","addonLicenseId":"%d",\
        "licenseId":"SEN-%d","addonKey":"com.acme.planner","addonName":"Acme Planner",\
        "lastUpdated":"%s","customerDetails":{"company":"Globex","country":"Germany",\
        "region":"EMEA"},"purchaseDetails":{"saleDate":"2024-03-01","saleType":"New",\
        "licenseType":"COMMERCIAL","hosting":"Data Center","billingPeriod":"Annual",\
        "tier":"500 Users","purchasePrice":%s,"vendorAmount":%s,"discounts":[],\
        "maintenanceStartDate":"2024-03-01","maintenanceEndDate":"2025-03-01"}}"""
            .formatted(id / 2, id, license, license, lastUpdated, price, price));
    generation++;
  }

  void removeLine(int id) {
    lines.remove(String.format("%08d", id));
    generation++;
  }

  /** The next export fails with a dropped connection after this many more records. */
  void failAfter(long records) {
    failAfter = records;
  }

  @Override
  public Export<License> licenses(Optional<LocalDate> since, Optional<String> resume) {
    return export("licenses", licenses, since, r -> r.licenses().toList());
  }

  @Override
  public Export<TransactionLine> transactions(Optional<LocalDate> since, Optional<String> resume) {
    return export("transactions", lines, since, r -> r.transactions().toList());
  }

  @Override
  public long bytesReceived() {
    return bytes;
  }

  private <T> Export<T> export(
      String kind,
      Map<String, String> records,
      Optional<LocalDate> since,
      Function<ExportReader, List<T>> parse) {
    List<String> selected = new ArrayList<>();
    for (String json : records.values()) {
      String updated = json.replaceAll(".*\"lastUpdated\":\"([0-9-]+)\".*", "$1");
      if (since.isEmpty() || !LocalDate.parse(updated).isBefore(since.get())) {
        selected.add(json);
      }
    }
    String id = kind + "-" + generation + "-" + since.map(LocalDate::toString).orElse("all");
    List<T> values;
    try (ExportReader reader =
        ExportReader.open(
            new ByteArrayInputStream(
                ("[" + String.join(",", selected) + "]").getBytes(StandardCharsets.UTF_8)),
            id)) {
      values = parse.apply(reader);
    }
    Iterator<String> json = selected.iterator();
    Iterator<T> value = values.iterator();
    return new Export<>() {
      @Override
      public boolean hasNext() {
        return json.hasNext();
      }

      @Override
      public Received<T> next() {
        if (!json.hasNext()) {
          throw new NoSuchElementException();
        }
        if (failAfter == 0) {
          failAfter = -1;
          throw new IllegalStateException("connection reset while reading " + id);
        }
        if (failAfter > 0) {
          failAfter--;
        }
        String text = json.next();
        bytes += text.length();
        recordsSent++;
        return new Received<>(value.next(), text);
      }

      @Override
      public Optional<String> id() {
        return Optional.of(id);
      }

      @Override
      public String path() {
        return "memory";
      }

      @Override
      public void close() {}
    };
  }
}
