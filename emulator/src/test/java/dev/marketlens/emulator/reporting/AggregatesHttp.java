package dev.marketlens.emulator.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.wire.Cents;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the aggregate ITs share: JSON read with exact decimals, JSON POSTs, small conversions. */
final class AggregatesHttp {

  /** Money is read as {@link BigDecimal}, never through a double. */
  static final JsonMapper EXACT =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private AggregatesHttp() {}

  /** GET, asserting 200, the body read with exact decimals. */
  static JsonNode ok(String path) {
    Emulator.Reply r = Emulator.get(path);
    assertThat(r.status()).as(path + " → " + r.body()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    return EXACT.readTree(r.body());
  }

  /** POST a JSON body as the vendor's user. */
  static Emulator.Reply postJson(String path, String body) {
    return Emulator.send(
        Emulator.request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        Emulator.basic(Emulator.EMAIL, Emulator.TOKEN));
  }

  static JsonNode json(Emulator.Reply r) {
    return EXACT.readTree(r.body());
  }

  static BigDecimal usd(long cents) {
    return new BigDecimal(Cents.toDecimalString(cents));
  }

  static LocalDate date(JsonNode n) {
    return LocalDate.parse(n.asString());
  }

  static List<JsonNode> list(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.values().forEach(out::add);
    return out;
  }

  /** The series of an aggregate (total or an app) whose name is {@code name}, or null. */
  static JsonNode series(JsonNode holder, String name) {
    for (JsonNode s : holder.get("series").values()) {
      if (s.get("name").asString().equals(name)) {
        return s;
      }
    }
    return null;
  }

  /** The dataset of a churn or renewal answer named {@code name}. */
  static JsonNode dataset(JsonNode holder, String name) {
    for (JsonNode d : holder.get("datasets").values()) {
      if (d.get("name").asString().equals(name)) {
        return d;
      }
    }
    throw new AssertionError("no dataset " + name + " in " + holder);
  }

  static String v2PartnerMetrics() {
    return "/rest/2/vendors/" + Emulator.vendor().vendorId() + "/partner-metrics";
  }

  static String v3PartnerMetrics() {
    return "/rest/3/partner-metrics/developer-space/" + Emulator.vendor().developerId();
  }
}
