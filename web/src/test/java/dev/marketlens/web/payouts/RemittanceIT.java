package dev.marketlens.web.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.model.transaction.TransactionLine;
import dev.marketlens.payouts.remittance.RemittanceReconciliation;
import dev.marketlens.payouts.remittance.RemittanceTables;
import dev.marketlens.payouts.remittance.Remitted;
import dev.marketlens.store.RemittanceLines;
import dev.marketlens.store.VendorAccounts;
import dev.marketlens.sync.stored.StoredRecords;
import dev.marketlens.web.HttpSession;
import dev.marketlens.web.TestSite;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The remittance reconciliation's API and page over the test site's imported remittances. */
@DisplayName("remittance reconciliation: /api/v1/remittance/reconciliation and /payouts/remittance")
class RemittanceIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final TestSite site = TestSite.get();

  /**
   * What {@code reconcile remittance --imported --month M --view V --format json} computes: the
   * stored remittance lines and transactions of the account, reconciled.
   */
  private JsonNode cli(String account, YearMonth month, RemittanceTables.View view) {
    long id = site.bean(VendorAccounts.class).find(account).orElseThrow().id();
    List<Remitted> lines = new ArrayList<>();
    for (RemittanceLines.Stored s :
        new RemittanceLines(site.database()).list(Set.of(id), month, month)) {
      lines.add(new Remitted(s.fileName(), s.lineNumber(), s.line()));
    }
    List<TransactionLine> transactions = new ArrayList<>();
    StoredRecords.transactions(site.database(), id, transactions::add);
    RemittanceReconciliation r =
        RemittanceReconciliation.of(
            lines, transactions, month == null ? List.of() : List.of(month));
    return JSON.readTree(JSON.writeValueAsString(RemittanceTables.of(r, view, false).objects()));
  }

  @ParameterizedTest(name = "view={0}")
  @ValueSource(strings = {"months", "kinds", "lines"})
  @DisplayName("the API answers the same rows as the command line, for one month and for all")
  void apiEqualsCli(String view) {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    RemittanceTables.View v = RemittanceTables.View.parse(view).orElseThrow();
    HttpResponse<String> month =
        admin.get("/api/v1/remittance/reconciliation?account=alpha&month=2026-09&view=" + view);
    assertThat(month.statusCode()).as(month.body()).isEqualTo(200);
    assertThat(JSON.readTree(month.body())).isEqualTo(cli("alpha", YearMonth.of(2026, 9), v));
    HttpResponse<String> all =
        admin.get("/api/v1/remittance/reconciliation?account=alpha&view=" + view);
    assertThat(JSON.readTree(all.body())).isEqualTo(cli("alpha", null, v));
  }

  @Test
  @DisplayName(
      "alpha's six imported months: each has remitted, expected and a variance that equals the"
          + " sum of its differences; the injected mismatches need attention")
  void sixMonths() {
    JsonNode rows =
        JSON.readTree(
            HttpSession.signedIn(site, "analyst").get("/api/v1/remittance/reconciliation").body());
    assertThat(rows).hasSize(6);
    assertThat(rows.get(0).get("month").asString()).isEqualTo("2026-05");
    long attention = 0;
    for (JsonNode r : rows) {
      assertThat(r.get("variance").asLong())
          .isEqualTo(r.get("remitted").asLong() - r.get("expected").asLong());
      assertThat(r.get("matched").asInt()).isPositive();
      attention += r.get("notInApi").asInt();
    }
    assertThat(attention).isZero();
    JsonNode lines =
        JSON.readTree(
            HttpSession.signedIn(site, "analyst")
                .get("/api/v1/remittance/reconciliation?view=lines")
                .body());
    for (JsonNode l : lines) {
      assertThat(l.get("outcome").asString()).isNotIn("matched", "not-in-api", "date-difference");
    }
  }

  @Test
  @DisplayName(
      "access scope: beta-viewer sees only beta's remittances, and asking for alpha's is a 404")
  void scope() {
    HttpSession beta = HttpSession.signedIn(site, "beta-viewer");
    JsonNode own = JSON.readTree(beta.get("/api/v1/remittance/reconciliation").body());
    assertThat(own).isEqualTo(cli("beta", null, RemittanceTables.View.MONTHS));
    assertThat(own).isNotEqualTo(cli("alpha", null, RemittanceTables.View.MONTHS));
    assertThat(beta.get("/api/v1/remittance/reconciliation?account=alpha").statusCode())
        .isEqualTo(404);
    assertThat(beta.get("/payouts/remittance?account=alpha").statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("bad parameters are 400s naming the parameter and the value")
  void badParameters() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    HttpResponse<String> month = admin.get("/api/v1/remittance/reconciliation?month=2026-13");
    assertThat(month.statusCode()).isEqualTo(400);
    assertThat(month.body()).contains("month must be a month as YYYY-MM", "2026-13");
    HttpResponse<String> view = admin.get("/api/v1/remittance/reconciliation?view=totals");
    assertThat(view.statusCode()).isEqualTo(400);
    assertThat(view.body()).contains("view must be one of months|kinds|lines", "totals");
    HttpResponse<String> all = admin.get("/api/v1/remittance/reconciliation?all=maybe");
    assertThat(all.statusCode()).isEqualTo(400);
    assertThat(all.body()).contains("all must be true or false", "maybe");
  }

  @Test
  @DisplayName("format=csv answers the same rows as CSV")
  void csv() {
    HttpResponse<String> r =
        HttpSession.signedIn(site, "admin")
            .get("/api/v1/remittance/reconciliation?account=alpha&format=csv");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(r.body()).startsWith("month,remittanceLines,transactionLines,remitted,expected");
    assertThat(r.body().lines().count()).isEqualTo(7);
  }

  @Test
  @DisplayName(
      "the page shows the API's rows: every figure of each month as data-value in its row,"
          + " the outcomes of the chosen month, and a link to upload a remittance")
  void page() {
    HttpSession viewer = HttpSession.signedIn(site, "viewer");
    HttpResponse<String> page = viewer.get("/payouts/remittance?month=2026-09");
    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    assertThat(html).contains("id=\"table-remittance-months\"", "id=\"upload-remittance\"");
    JsonNode rows = JSON.readTree(viewer.get("/api/v1/remittance/reconciliation").body());
    for (JsonNode r : rows) {
      String month = r.get("month").asString();
      int start = html.indexOf("data-month=\"" + month + "\"");
      assertThat(start).as("the row of %s", month).isGreaterThanOrEqualTo(0);
      String row = html.substring(start, html.indexOf("</tr>", start));
      for (var field : r.properties()) {
        if (!field.getKey().equals("month")) {
          assertThat(row)
              .as("%s %s", month, field.getKey())
              .contains(
                  "data-field=\""
                      + field.getKey()
                      + "\" data-value=\""
                      + field.getValue().asLong()
                      + "\"");
        }
      }
    }
    JsonNode kinds =
        JSON.readTree(
            viewer.get("/api/v1/remittance/reconciliation?month=2026-09&view=kinds").body());
    for (JsonNode k : kinds) {
      assertThat(html)
          .contains("data-field=\"outcome\" data-value=\"" + k.get("outcome").asString() + "\"");
    }
  }

  @Test
  @DisplayName("anonymous calls get 401")
  void anonymous() {
    assertThat(
            new HttpSession(site.baseUrl()).get("/api/v1/remittance/reconciliation").statusCode())
        .isEqualTo(401);
  }
}
