package dev.marketlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.store.Database;
import dev.marketlens.store.Licenses;
import dev.marketlens.store.TransactionLines;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records as JSON in the export's shape, keyed by what identifies them — transaction lines by
 * {@code transactionLineItemId}, licenses by their ids — read from an export or from the store, and
 * compared with a message that names what is missing, extra or different. Records are compared as
 * JSON trees: the store keeps them as {@code jsonb}, which orders properties its own way.
 */
final class Records {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> LICENSE_IDS =
      List.of("addonLicenseId", "licenseId", "appEntitlementId", "appEntitlementNumber");
  private static final int SHOWN = 5;

  private Records() {}

  /**
   * Records by key, and how many were read: more read than keyed means duplicates.
   *
   * @param duplicates the keys read more than once
   */
  record Keyed(Map<String, JsonNode> byKey, long read, Set<String> duplicates) {
    int size() {
      return byKey.size();
    }
  }

  /** The current records of an account, as the store hands them out. */
  record Stored(Keyed licenses, Keyed transactions) {}

  static Keyed licenses(Stream<String> json) {
    return keyed(json, Records::licenseKey);
  }

  static Keyed transactions(Stream<String> json) {
    return keyed(json, j -> j.get("transactionLineItemId").asString());
  }

  /** Every current license and transaction line of {@code account}, read in one transaction. */
  static Stored stored(Database database, long account) {
    return database.inTransaction(
        "read the stored records",
        c -> {
          List<String> licenses = new ArrayList<>();
          new Licenses().forEachRecord(c, account, licenses::add);
          List<String> lines = new ArrayList<>();
          new TransactionLines().forEachRecord(c, account, lines::add);
          return new Stored(licenses(licenses.stream()), transactions(lines.stream()));
        });
  }

  /** A license's key: each of its ids that is present, by kind. */
  static String licenseKey(JsonNode record) {
    StringBuilder key = new StringBuilder();
    for (String kind : LICENSE_IDS) {
      JsonNode id = record.get(kind);
      if (id != null && !id.isNull()) {
        key.append(key.isEmpty() ? "" : " ").append(kind).append('=').append(id.asString());
      }
    }
    return key.toString();
  }

  /**
   * Asserts that {@code actual} holds exactly the records of {@code expected}, each read once: the
   * same keys, and for each key the same JSON text.
   */
  static void assertSame(String what, Keyed expected, Keyed actual) {
    assertThat(actual.duplicates()).as("%s: keys read more than once", what).isEmpty();
    Set<String> missing = new TreeSet<>(expected.byKey().keySet());
    missing.removeAll(actual.byKey().keySet());
    Set<String> extra = new TreeSet<>(actual.byKey().keySet());
    extra.removeAll(expected.byKey().keySet());
    List<String> different = new ArrayList<>();
    int differing = 0;
    for (var e : expected.byKey().entrySet()) {
      JsonNode other = actual.byKey().get(e.getKey());
      if (other != null && !other.equals(e.getValue())) {
        if (differing++ < SHOWN) {
          different.add(e.getKey() + " differs in " + differingFields(e.getValue(), other));
        }
      }
    }
    StringBuilder report = new StringBuilder();
    if (!missing.isEmpty()) {
      report.append(
          String.format("%n%d missing, e.g. %s", missing.size(), first(missing.iterator())));
    }
    if (!extra.isEmpty()) {
      report.append(String.format("%n%d extra, e.g. %s", extra.size(), first(extra.iterator())));
    }
    if (differing > 0) {
      report.append(String.format("%n%d different, e.g.:", differing));
      different.forEach(d -> report.append("\n  ").append(d));
    }
    assertThat(report.toString())
        .as("%s: %d expected, %d found", what, expected.size(), actual.size())
        .isEmpty();
    assertThat(actual.read()).as("%s: records read", what).isEqualTo(expected.read());
  }

  /** The paths whose values differ, with both values: {@code a.b: x → y}. */
  static Map<String, String> differingFields(JsonNode expected, JsonNode actual) {
    Map<String, String> fields = new TreeMap<>();
    diff("", expected, actual, fields);
    return fields;
  }

  private static void diff(String path, JsonNode a, JsonNode b, Map<String, String> out) {
    if (a != null && b != null && a.isObject() && b.isObject()) {
      Set<String> names = new TreeSet<>(a.propertyNames());
      names.addAll(b.propertyNames());
      for (String name : names) {
        diff(path.isEmpty() ? name : path + "." + name, a.get(name), b.get(name), out);
      }
    } else if (a == null || b == null || !a.equals(b)) {
      out.put(path, a + " → " + b);
    }
  }

  private static String first(Iterator<String> keys) {
    List<String> shown = new ArrayList<>();
    while (keys.hasNext() && shown.size() < SHOWN) {
      shown.add(keys.next());
    }
    return String.join("; ", shown);
  }

  private static Keyed keyed(
      Stream<String> json, java.util.function.Function<JsonNode, String> key) {
    Map<String, JsonNode> byKey = new TreeMap<>();
    Set<String> duplicates = new TreeSet<>();
    long[] read = {0};
    json.forEach(
        text -> {
          read[0]++;
          JsonNode record = JSON.readTree(text);
          String k = key.apply(record);
          if (byKey.put(k, record) != null) {
            duplicates.add(k);
          }
        });
    return new Keyed(byKey, read[0], duplicates);
  }
}
