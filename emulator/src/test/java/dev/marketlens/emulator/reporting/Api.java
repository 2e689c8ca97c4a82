package dev.marketlens.emulator.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.commerce.App;
import dev.marketlens.emulator.reporting.Emulator.Reply;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.LicenseJsonWriter;
import dev.marketlens.emulator.wire.Transaction;
import dev.marketlens.emulator.wire.TransactionJsonWriter;
import dev.marketlens.emulator.wire.WireFormat;
import dev.marketlens.emulator.wire.WireFormat.ApiVersion;
import dev.marketlens.emulator.wire.WireJson;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * Client-side helpers of the contract tests: building query strings, following {@code _links} hrefs
 * as a client must (spec §4.2), paging, reading rows, CSV bodies and the admin API.
 */
final class Api {

  static final String LICENSES = "/licenses";
  static final String TRANSACTIONS = "/sales/transactions";

  private Api() {}

  /** Every API version with every record list, for parameterised tests. */
  static Stream<Arguments> everyList() {
    return Stream.of(ApiVersion.values())
        .flatMap(v -> Stream.of(Records.values()).map(r -> Arguments.of(v, r)));
  }

  /** The two paged record lists of the reporting API and their exports. */
  enum Records {
    LICENSES("/licenses", "licenses"),
    TRANSACTIONS("/sales/transactions", "transactions");

    /** The path suffix after the reporting root. */
    final String path;

    /** The array property of a list page. */
    final String array;

    Records(String path, String array) {
      this.path = path;
      this.array = array;
    }

    /** The row key of one row. */
    String key(JsonNode row) {
      return this == LICENSES ? licenseKey(row) : transactionKey(row);
    }

    List<String> keys(List<JsonNode> rows) {
      return rows.stream().map(this::key).toList();
    }

    /** Keys of the rows a request without filters but {@code hosting=<filter>} must return. */
    List<String> expectedKeysOnHosting(String hostingWire) {
      return this == LICENSES
          ? SpecRules.licenseKeys(SpecRules.licenses(l -> l.hosting().wire().equals(hostingWire)))
          : SpecRules.transactionKeys(
              SpecRules.transactions(
                  t -> t.purchaseDetails().hosting().wire().equals(hostingWire)));
    }

    /** The list path of vendor 0 in {@code version}, without a query. */
    String list(ApiVersion version) {
      return root(version) + path;
    }

    /** The sync export path of vendor 0 in {@code version}, without a query. */
    String export(ApiVersion version) {
      return root(version) + path + "/export";
    }

    /** The async export initiation path of vendor 0 in {@code version}. */
    String async(ApiVersion version) {
      return root(version) + path + "/async/export";
    }
  }

  /** The reporting root of vendor 0 in {@code version}: {@code {R2}} or {@code {R3}}. */
  static String root(ApiVersion version) {
    return version == ApiVersion.V2 ? Emulator.v2() : Emulator.v3();
  }

  /** The app filter parameter of {@code version}: {@code addon} (v2) or {@code productId} (v3). */
  static String appParam(ApiVersion version) {
    return version == ApiVersion.V2 ? "addon" : "productId";
  }

  /** The value naming {@code app} in {@code version}'s app filter. */
  static String appId(ApiVersion version, App app) {
    return version == ApiVersion.V2 ? app.addonKey() : app.productId();
  }

  /** What vendor 0 is served right now (read afresh: the clock may have moved). */
  static VendorView view() {
    return Emulator.market().view(Emulator.vendor());
  }

  /** The clock day of the emulator right now. */
  static LocalDate today() {
    return Emulator.market().today();
  }

  /** {@code ?k1=v1&k2=v2…} with every key and value URL-encoded; empty for no pairs. */
  static String query(String... keyValues) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < keyValues.length; i += 2) {
      b.append(i == 0 ? '?' : '&')
          .append(URLEncoder.encode(keyValues[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(keyValues[i + 1], StandardCharsets.UTF_8));
    }
    return b.toString();
  }

  /**
   * The path a client requests for an href of a response (spec §4.2): absolute URL → its path;
   * {@code /rest/...} as is; any other leading {@code /} is relative to the v3 base {@code
   * /rest/3}.
   */
  static String resolve(String href) {
    String h = href;
    if (h.startsWith("http://") || h.startsWith("https://")) {
      int slash = h.indexOf('/', h.indexOf("//") + 2);
      h = slash < 0 ? "/" : h.substring(slash);
    }
    if (h.startsWith("/rest/")) {
      return h;
    }
    return "/rest/3" + h;
  }

  /** A 200 response, else a failure showing the body. */
  static Reply ok(Reply r) {
    assertThat(r.status()).as("%s", r.body()).isEqualTo(200);
    return r;
  }

  /** GET as the vendor-0 user, expecting 200 and a JSON body. */
  static JsonNode getJson(String path) {
    Reply r = ok(Emulator.get(path));
    assertThat(r.contentType()).startsWith("application/json");
    return r.json();
  }

  /** The elements of a JSON array. */
  static List<JsonNode> elements(JsonNode array) {
    assertThat(array.isArray()).as("expected a JSON array: %s", array).isTrue();
    return new ArrayList<>(array.values());
  }

  /** A string field at a JSON pointer, or null when absent or null. */
  static String text(JsonNode node, String pointer) {
    JsonNode n = node.at(pointer);
    return n.isMissingNode() || n.isNull() ? null : n.asString();
  }

  /** Every row of a paged list, following {@code _links.next} from {@code firstPath}. */
  static List<JsonNode> pageThrough(String firstPath, String arrayName) {
    List<JsonNode> rows = new ArrayList<>();
    String path = firstPath;
    int pages = 0;
    while (path != null) {
      JsonNode page = getJson(path);
      List<JsonNode> pageRows = elements(page.get(arrayName));
      rows.addAll(pageRows);
      JsonNode next = page.at("/_links/next/href");
      if (next.isMissingNode()) {
        path = null;
      } else {
        assertThat(pageRows).as("a page with a next link is full").hasSize(limitOf(path));
        path = resolve(next.asString());
      }
      assertThat(++pages).as("paging terminates").isLessThan(10_000);
    }
    return rows;
  }

  private static int limitOf(String path) {
    List<String> limit = params(path).get("limit");
    // spec §6: 10 rows when no limit is given, never more than 50.
    return limit == null ? 10 : Math.min(50, Integer.parseInt(limit.get(0)));
  }

  /** The query parameters of a path or href, decoded, in order, each with all its values. */
  static Map<String, List<String>> params(String pathOrHref) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    int q = pathOrHref.indexOf('?');
    if (q < 0) {
      return out;
    }
    for (String pair : pathOrHref.substring(q + 1).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  /** The path of an href without its query string. */
  static String pathOf(String href) {
    int q = href.indexOf('?');
    return q < 0 ? href : href.substring(0, q);
  }

  /**
   * The row key of a license row (spec §6, §18): the entitlement number of a cloud license, else
   * its SEN, else its entitlement number ({@link License#key()}).
   */
  static String licenseKey(JsonNode row) {
    String number = text(row, "/appEntitlementNumber");
    if (number != null && "Cloud".equals(text(row, "/hosting"))) {
      return number;
    }
    String sen = text(row, "/licenseId");
    return sen != null ? sen : number;
  }

  /** The row key of a transaction row: {@code transactionLineItemId} (K1). */
  static String transactionKey(JsonNode row) {
    return text(row, "/transactionLineItemId");
  }

  /** Row keys of license rows, in order. */
  static List<String> licenseKeys(List<JsonNode> rows) {
    return rows.stream().map(Api::licenseKey).toList();
  }

  /** Row keys of transaction rows, in order. */
  static List<String> transactionKeys(List<JsonNode> rows) {
    return rows.stream().map(Api::transactionKey).toList();
  }

  /** A license as {@link LicenseJsonWriter} writes it, read back as a tree. */
  static JsonNode licenseJson(License l, WireFormat wire, LocalDate recordCreatedDate) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = WireJson.createGenerator(out)) {
      new LicenseJsonWriter(wire).writeRecord(l, g, recordCreatedDate);
    }
    return Emulator.JSON.readTree(out.toByteArray());
  }

  /** A transaction line as {@link TransactionJsonWriter} writes it, read back as a tree. */
  static JsonNode transactionJson(Transaction t, WireFormat wire) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = WireJson.createGenerator(out)) {
      new TransactionJsonWriter(wire).writeRecord(t, g);
    }
    return Emulator.JSON.readTree(out.toByteArray());
  }

  /**
   * Reads an RFC 4180 CSV body: fields separated by commas, optionally double-quoted (a doubled
   * quote inside quotes is one quote; line breaks may appear inside quotes), rows ended by CRLF or
   * LF.
   */
  static List<List<String>> csv(String body) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < body.length() && body.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
        continue;
      }
      switch (c) {
        case '"' -> {
          quoted = true;
          any = true;
        }
        case ',' -> {
          row.add(field.toString());
          field.setLength(0);
          any = true;
        }
        case '\r' -> {}
        case '\n' -> {
          row.add(field.toString());
          rows.add(row);
          row = new ArrayList<>();
          field.setLength(0);
          any = false;
        }
        default -> {
          field.append(c);
          any = true;
        }
      }
    }
    if (any) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }

  /**
   * Asserts that {@code query} selects exactly {@code expectedKeys}: the sync export returns those
   * rows, the first list page of 50 holds only rows of them (as many as fit) and, in v3, {@code
   * totalCount} counts them. Returns the exported rows.
   */
  static List<JsonNode> assertServes(
      ApiVersion version, Records records, String query, List<String> expectedKeys) {
    List<JsonNode> exported = elements(getJson(records.export(version) + query));
    assertSameKeys(records.keys(exported), expectedKeys, "export " + query);
    JsonNode page =
        getJson(records.list(version) + query + (query.isEmpty() ? "?" : "&") + "limit=50");
    List<String> pageKeys = records.keys(elements(page.get(records.array)));
    assertThat(pageKeys).as("list %s", query).hasSize(Math.min(50, expectedKeys.size()));
    assertThat(new HashSet<>(expectedKeys)).containsAll(pageKeys);
    if (version == ApiVersion.V3) {
      assertThat(page.get("totalCount").asInt()).as("totalCount").isEqualTo(expectedKeys.size());
    }
    return exported;
  }

  /**
   * Asserts that two lists of row keys hold the same keys, each as often (in any order), naming the
   * missing and the unexpected ones. Linear, for lists of many thousand rows.
   */
  static void assertSameKeys(List<String> actual, List<String> expected, String what) {
    Map<String, Long> got = counts(actual);
    Map<String, Long> want = counts(expected);
    Set<String> missing = new TreeSet<>(want.keySet());
    missing.removeAll(got.keySet());
    Set<String> unexpected = new TreeSet<>(got.keySet());
    unexpected.removeAll(want.keySet());
    assertThat(missing).as("%s: rows missing", what).isEmpty();
    assertThat(unexpected).as("%s: rows not expected", what).isEmpty();
    assertThat(got).as("%s: how often each row appears", what).isEqualTo(want);
  }

  private static Map<String, Long> counts(List<String> keys) {
    Map<String, Long> out = new HashMap<>();
    for (String k : keys) {
      out.merge(k, 1L, Long::sum);
    }
    return out;
  }

  /** The admin API's bearer credentials. */
  static String admin() {
    return "Bearer " + Emulator.ADMIN;
  }

  /** Switches exactly these quirks on ({@code POST /_emulator/quirks?on=…}); none when empty. */
  static JsonNode quirks(String... names) {
    Reply r = Emulator.post("/_emulator/quirks" + query("on", String.join(",", names)), admin());
    return ok(r).json();
  }
}
