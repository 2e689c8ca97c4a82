package dev.marketlens.emulator.reporting;

import static dev.marketlens.emulator.reporting.Api.elements;
import static dev.marketlens.emulator.reporting.Api.getJson;
import static dev.marketlens.emulator.reporting.Api.query;
import static dev.marketlens.emulator.reporting.Emulator.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.reporting.Api.Records;
import dev.marketlens.emulator.reporting.Emulator.Reply;
import dev.marketlens.emulator.wire.WireFormat.ApiVersion;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

@DisplayName("§3/§5: authentication, authorisation and error responses")
class AuthAndErrorsIT {

  private static final String OTHER = Emulator.basic(Emulator.OTHER_EMAIL, Emulator.OTHER_TOKEN);

  /** A request: GET or POST of a path with an Authorization header (null: none). */
  private record Call(String method, String path) {
    Reply send(String authorization) {
      return method.equals("GET")
          ? Emulator.get(path, authorization)
          : Emulator.post(path, authorization);
    }
  }

  /** Every reporting endpoint of vendor 0 under {@code root}. */
  private static List<Call> endpoints(String root) {
    String id = UUID.randomUUID().toString();
    List<Call> calls = new ArrayList<>();
    calls.add(new Call("GET", root));
    for (String records : List.of("/licenses", "/sales/transactions")) {
      calls.add(new Call("GET", root + records));
      calls.add(new Call("GET", root + records + "/export"));
      calls.add(new Call("POST", root + records + "/async/export"));
      calls.add(new Call("GET", root + records + "/async/export/" + id + "/status"));
      calls.add(new Call("GET", root + records + "/async/export/" + id));
    }
    calls.add(new Call("GET", root + "/sales/freeStarterTier/export"));
    return calls;
  }

  private static List<Call> everyEndpoint() {
    List<Call> all = new ArrayList<>(endpoints(Emulator.v2()));
    all.addAll(endpoints(Emulator.v3()));
    all.addAll(endpoints("/marketplace" + Emulator.v3()));
    all.addAll(endpoints("/reporting/developer-space/" + Emulator.vendor().developerId()));
    return all;
  }

  private static String basicOf(String raw) {
    return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  @DisplayName(
      "§3/§5.1: without Authorization every endpoint answers 401 UNAUTHORIZED with"
          + " WWW-Authenticate: Basic")
  @Test
  void noCredentials() {
    for (Call call : everyEndpoint()) {
      Reply r = call.send(null);
      assertError(r, 401, "UNAUTHORIZED");
      assertThat(r.header("WWW-Authenticate")).as(call.toString()).startsWith("Basic");
    }
  }

  @DisplayName(
      "§3: wrong token, unknown email, a bearer token or a malformed Basic header answer 401")
  @Test
  void badCredentials() {
    List<String> bad =
        List.of(
            Emulator.basic(Emulator.EMAIL, "wrong-token"),
            Emulator.basic("nobody@example.com", Emulator.TOKEN),
            Emulator.basic(Emulator.EMAIL, Emulator.OTHER_TOKEN),
            "Bearer " + Emulator.TOKEN,
            "Basic !!!not-base64!!!",
            basicOf(Emulator.EMAIL + Emulator.TOKEN),
            "Basic");
    for (String authorization : bad) {
      for (Call call :
          List.of(
              new Call("GET", Records.LICENSES.list(ApiVersion.V2)),
              new Call("GET", Records.TRANSACTIONS.export(ApiVersion.V3)),
              new Call("POST", Records.LICENSES.async(ApiVersion.V3)))) {
        assertError(call.send(authorization), 401, "UNAUTHORIZED");
      }
    }
  }

  @DisplayName("§3: a valid user of another vendor answers 403 FORBIDDEN on every endpoint")
  @Test
  void otherVendorForbidden() {
    for (Call call : everyEndpoint()) {
      assertError(call.send(OTHER), 403, "FORBIDDEN");
    }
    Api.ok(
        Emulator.get(
            "/rest/2/vendors/" + Emulator.otherVendor().vendorId() + "/reporting/licenses", OTHER));
  }

  @DisplayName(
      "§3 [EMU]: an unknown vendorId, a non-numeric vendorId or an unknown developerId answers"
          + " 404")
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/rest/2/vendors/1/reporting/licenses",
        "/rest/2/vendors/abc/reporting/licenses",
        "/rest/2/vendors/99999999999999999999/reporting/sales/transactions",
        "/rest/3/reporting/developer-space/00000000-0000-0000-0000-000000000000/licenses",
        "/rest/3/reporting/developer-space/not-a-uuid/sales/transactions/export",
        "/reporting/developer-space/00000000-0000-0000-0000-000000000000/licenses",
        "/rest/2/vendors/1/reporting"
      })
  void unknownIds(String path) {
    assertError(Emulator.get(path), 404, "NOT_FOUND");
  }

  @DisplayName("§5.1: an unknown path answers 404 as a JsonErrorsDoc")
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"/rest/2/nothing", "/rest/3/reporting/nothing", "/rest/2/vendors/1/other"})
  void unknownPath(String path) {
    assertError(Emulator.get(path), 404, "NOT_FOUND");
  }

  @DisplayName(
      "§4.1/§5.2: a date not in YYYY-MM-DD answers 400 'Must be a date' with path = the"
          + " parameter")
  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "startDate, 2024-1-1",
    "startDate, yesterday",
    "endDate, 2024-02-30",
    "endDate, 01/02/2024",
    "startDate, 2024-01-01T00:00:00Z",
    "lastUpdated, yesterday",
    "lastUpdated, 2024-13-01"
  })
  void badDate(String param, String value) {
    for (ApiVersion v : ApiVersion.values()) {
      for (Records records : Records.values()) {
        for (String path : List.of(records.list(v), records.export(v))) {
          JsonNode error =
              assertError(Emulator.get(path + query(param, value)), 400, "VALIDATION_FAILED");
          assertThat(error.get("message").asString())
              .startsWith(param + ": ")
              .contains("Must be a date");
          assertThat(error.get("path").asString()).isEqualTo(param);
        }
      }
    }
  }

  @DisplayName(
      "§4.1/§7.2: an unknown enum value (data_center, comma form cloud,server) answers 400 listing"
          + " the allowed values")
  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "hosting, data_center, 'cloud','datacenter','server'",
    "hosting, 'cloud,server', 'cloud','datacenter','server'",
    "status, expired, 'active','cancelled','inactive'",
    "partnerType, partner, 'direct','expert','reseller'",
    "dateType, middle, 'end','start'",
    "licenseType, paid, 'academic'"
  })
  void badLicenseEnum(String param, String value, String allowed) {
    for (ApiVersion v : ApiVersion.values()) {
      JsonNode error =
          assertError(
              Emulator.get(Records.LICENSES.list(v) + query(param, value)),
              400,
              "VALIDATION_FAILED");
      assertThat(error.get("message").asString()).contains(allowed).contains(value);
      assertThat(error.get("path").asString()).isEqualTo(param);
    }
  }

  @DisplayName("§8.2: an unknown transaction enum value answers 400 listing the allowed values")
  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "saleType, cancel, 'downgrade','new','refund','renewal','upgrade'",
    "billingPeriod, weekly, 'annual','monthly'",
    "paymentStatus, due, 'open','paid','refunded','uncollectible'",
    "hosting, data_center, 'cloud','datacenter','server'"
  })
  void badTransactionEnum(String param, String value, String allowed) {
    for (ApiVersion v : ApiVersion.values()) {
      JsonNode error =
          assertError(
              Emulator.get(Records.TRANSACTIONS.export(v) + query(param, value)),
              400,
              "VALIDATION_FAILED");
      assertThat(error.get("message").asString()).contains(allowed);
      assertThat(error.get("path").asString()).isEqualTo(param);
    }
  }

  @DisplayName("§7.2/§5.2: a non-integer tier answers 400 'Must be a list of valid integer'")
  @ParameterizedTest(name = "{0}")
  @EnumSource(Records.class)
  void badTier(Records records) {
    for (ApiVersion v : ApiVersion.values()) {
      for (String tier : List.of("abc", "10 Users", "1.5")) {
        JsonNode error =
            assertError(
                Emulator.get(records.list(v) + query("tier", tier)), 400, "VALIDATION_FAILED");
        assertThat(error.get("message").asString()).contains("Must be a list of valid integer");
        assertThat(error.get("path").asString()).isEqualTo("tier");
      }
    }
  }

  @DisplayName("§6 [EMU]: offset < 0, limit < 1 and non-numeric paging answer 400")
  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({"offset, -1", "limit, 0", "limit, -5", "offset, abc", "limit, ten"})
  void badPaging(String param, String value) {
    for (ApiVersion v : ApiVersion.values()) {
      for (Records records : Records.values()) {
        JsonNode error =
            assertError(
                Emulator.get(records.list(v) + query(param, value)), 400, "VALIDATION_FAILED");
        assertThat(error.get("path").asString()).isEqualTo(param);
      }
    }
  }

  @DisplayName("§4.1: a boolean other than true/false answers 400 'Type mismatch'")
  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "LICENSES, withDataInsights, yes",
    "LICENSES, includeAtlassianLicenses, 1",
    "LICENSES, showLifeTimeFreeLicenses, TRUE-ish",
    "LICENSES, showLicensesHistory, no",
    "TRANSACTIONS, excludeZeroTransactions, yes",
    "TRANSACTIONS, includeManualInvoice, 0"
  })
  void badBoolean(Records records, String param, String value) {
    for (ApiVersion v : ApiVersion.values()) {
      JsonNode error =
          assertError(
              Emulator.get(records.export(v) + query(param, value)), 400, "VALIDATION_FAILED");
      assertThat(error.get("message").asString()).contains("Type mismatch");
      assertThat(error.get("path").asString()).isEqualTo(param);
    }
  }

  @DisplayName("§4.1/K2: unknown query parameters are ignored: the same rows as without them")
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"V2, LICENSES", "V3, LICENSES", "V2, TRANSACTIONS", "V3, TRANSACTIONS"})
  void unknownParamsIgnored(ApiVersion v, Records records) {
    String known = query("hosting", "server");
    String unknown =
        known + "&" + query("foo", "bar", "customerId", "123", "productKey", "x").substring(1);

    JsonNode plain = getJson(records.list(v) + known + "&limit=50");
    JsonNode extra = getJson(records.list(v) + unknown + "&limit=50");
    assertThat(extra.get(records.array)).isEqualTo(plain.get(records.array));
    if (v == ApiVersion.V3) {
      assertThat(extra.get("totalCount")).isEqualTo(plain.get("totalCount"));
    }
    assertThat(Emulator.get(records.export(v) + unknown).body())
        .isEqualTo(Emulator.get(records.export(v) + known).body());
  }

  @DisplayName("§5.1: malformed input never causes a 5xx, only 200 or 4xx")
  @Test
  void neverAServerErrorForBadInput() {
    List<String[]> inputs =
        List.of(
            new String[] {"offset", "99999999999999"},
            new String[] {"limit", "99999999999999"},
            new String[] {"offset", "1e3"},
            new String[] {"limit", ""},
            new String[] {"tier", "-1"},
            new String[] {"tier", "99999999999"},
            new String[] {"text", "%ZZ"},
            new String[] {"text", "\u00e9\u00e8\u2603\ud83d\ude00"},
            new String[] {"text", "' OR 1=1 --"},
            new String[] {"startDate", "0000-00-00"},
            new String[] {"startDate", "9999-12-31"},
            new String[] {"startDate", ""},
            new String[] {"lastUpdated", "2024-01-01T25:00:00Z"},
            new String[] {"lastUpdated", "2024-01-01T10:00:00+99:00"},
            new String[] {"sortBy", ""},
            new String[] {"order", "ASC"},
            new String[] {"accept", "CSV"},
            new String[] {"productId", "\u0000"},
            new String[] {"addon", "a,b,c"},
            new String[] {"dateType", "END"},
            new String[] {"hosting", ""},
            new String[] {"withDataInsights", ""});
    // Exports narrowed to the server-hosted rows to keep the bodies small.
    BiFunction<String, String[], Reply> get =
        (path, kv) ->
            Emulator.get(
                path + query(kv[0], kv[1]) + (path.endsWith("/export") ? "&hosting=server" : ""));
    for (ApiVersion v : ApiVersion.values()) {
      for (Records records : Records.values()) {
        for (String path : List.of(records.list(v), records.export(v))) {
          for (String[] kv : inputs) {
            Reply r = get.apply(path, kv);
            assertThat(r.status()).as("%s?%s=%s: %s", path, kv[0], kv[1], r.body()).isLessThan(500);
          }
        }
      }
    }
  }

  @DisplayName("§5.1: a wrong method on a reporting path answers a 4xx JsonErrorsDoc")
  @Test
  void wrongMethod() {
    Reply r =
        Emulator.send(
            Emulator.request(Records.LICENSES.list(ApiVersion.V2)).DELETE(),
            Emulator.basic(Emulator.EMAIL, Emulator.TOKEN));
    assertThat(r.status()).isBetween(400, 499);
    assertThat(r.json().at("/errors/0/message").asString()).isNotBlank();
    Reply post =
        Emulator.send(
            Emulator.request(Records.LICENSES.export(ApiVersion.V3))
                .POST(HttpRequest.BodyPublishers.noBody()),
            Emulator.basic(Emulator.EMAIL, Emulator.TOKEN));
    assertThat(post.status()).isBetween(400, 499);
  }

  @DisplayName(
      "[EMU] admin API: /_emulator/status needs Authorization: Bearer <admin token>, else 401")
  @Test
  void adminNeedsBearer() {
    for (String authorization :
        new String[] {
          null,
          Emulator.basic(Emulator.EMAIL, Emulator.TOKEN),
          "Bearer wrong",
          Emulator.basic("admin", Emulator.ADMIN)
        }) {
      Reply r = Emulator.get("/_emulator/status", authorization);
      assertError(r, 401, "UNAUTHORIZED");
      assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
    }
    assertError(Emulator.post("/_emulator/quirks?on=", null), 401, "UNAUTHORIZED");
    assertError(
        Emulator.post("/_emulator/advance?days=1", Emulator.basic(Emulator.EMAIL, Emulator.TOKEN)),
        401,
        "UNAUTHORIZED");

    JsonNode status = getJsonAsAdmin("/_emulator/status");
    assertThat(status.get("today").asString()).isEqualTo(Api.today().toString());
    assertThat(elements(status.get("vendors")))
        .extracting(n -> n.get("vendorId").asLong())
        .contains(Emulator.vendor().vendorId(), Emulator.otherVendor().vendorId());
  }

  private static JsonNode getJsonAsAdmin(String path) {
    Reply r = Api.ok(Emulator.get(path, Api.admin()));
    return r.json();
  }
}
