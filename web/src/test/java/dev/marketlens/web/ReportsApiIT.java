package dev.marketlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("GET /api/v1/reports/{kind}")
class ReportsApiIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final TestSite site = TestSite.get();

  @Test
  @DisplayName("movements over three months: one object per month with the contract's fields")
  void movements() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    HttpResponse<String> r = admin.get("/api/v1/reports/movements?from=2026-08&to=2026-10");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode rows = JSON.readTree(r.body());
    assertThat(rows.size()).isEqualTo(3);
    assertThat(rows.get(0).get("month").asString()).isEqualTo("2026-08");
    for (JsonNode row : rows) {
      assertThat(row.propertyNames())
          .containsExactly(
              "month",
              "openingMrr",
              "newMrr",
              "expansionMrr",
              "contractionMrr",
              "churnedMrr",
              "reactivationMrr",
              "closingMrr",
              "customers");
      long bridge =
          row.get("openingMrr").asLong()
              + row.get("newMrr").asLong()
              + row.get("expansionMrr").asLong()
              + row.get("reactivationMrr").asLong()
              - row.get("contractionMrr").asLong()
              - row.get("churnedMrr").asLong();
      assertThat(bridge).isEqualTo(row.get("closingMrr").asLong());
    }
    assertThat(rows.get(2).get("closingMrr").asLong()).isPositive();
  }

  @Test
  @DisplayName("a month that is not YYYY-MM is a 400 naming the parameter and the value")
  void badMonth() {
    HttpResponse<String> r =
        HttpSession.signedIn(site, "admin").get("/api/v1/reports/mrr?from=2026-13");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("from must be YYYY-MM", "2026-13");
  }

  @Test
  @DisplayName("an unknown report kind is a 400 listing the kinds")
  void unknownKind() {
    HttpResponse<String> r = HttpSession.signedIn(site, "admin").get("/api/v1/reports/profit");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("unknown report 'profit'", "movements");
  }

  @Test
  @DisplayName("anonymous calls get 401, not the login page")
  void anonymous() {
    HttpResponse<String> r = new HttpSession(site.baseUrl()).get("/api/v1/reports/mrr");
    assertThat(r.statusCode()).isEqualTo(401);
  }
}
