package dev.marketlens.emulator.reporting;

import static dev.marketlens.emulator.reporting.Api.elements;
import static dev.marketlens.emulator.reporting.Api.getJson;
import static dev.marketlens.emulator.reporting.Api.quirks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.reporting.Api.Records;
import dev.marketlens.emulator.wire.Transaction;
import dev.marketlens.emulator.wire.WireFormat.ApiVersion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@DisplayName("§8.2/§8.3/K30: purchaseDetails.proratedDetails of cloud monthly quantity billing")
class ProratedDetailsIT {

  @AfterEach
  void reset() {
    quirks();
  }

  /** The lines of vendor 0 that carry prorated details, by line item id. */
  private static Map<String, Transaction> prorated() {
    Map<String, Transaction> out =
        Api.view().transactions().stream()
            .filter(t -> !t.purchaseDetails().proratedDetails().isEmpty())
            .collect(Collectors.toMap(Transaction::transactionLineItemId, t -> t));
    assertThat(out).as("test data: lines with users added during a monthly cycle").isNotEmpty();
    return out;
  }

  private static Map<String, JsonNode> rows(String path) {
    return elements(getJson(path)).stream()
        .collect(Collectors.toMap(r -> r.get("transactionLineItemId").asString(), r -> r));
  }

  @Test
  @DisplayName(
      "v2 serves proratedDetails only with showProratedTransactions=true; v3 always (as live)")
  void servedWhenAsked() {
    Map<String, Transaction> prorated = prorated();
    Map<String, JsonNode> v2 = rows(Records.TRANSACTIONS.export(ApiVersion.V2));
    Map<String, JsonNode> v2Shown =
        rows(Records.TRANSACTIONS.export(ApiVersion.V2) + "?showProratedTransactions=true");
    Map<String, JsonNode> v3 = rows(Records.TRANSACTIONS.export(ApiVersion.V3));
    for (Map.Entry<String, Transaction> e : prorated.entrySet()) {
      int expected = e.getValue().purchaseDetails().proratedDetails().size();
      assertThat(v2.get(e.getKey()).get("purchaseDetails").has("proratedDetails")).isFalse();
      assertThat(v2Shown.get(e.getKey()).get("purchaseDetails").get("proratedDetails").size())
          .isEqualTo(expected);
      assertThat(v3.get(e.getKey()).get("purchaseDetails").get("proratedDetails").size())
          .isEqualTo(expected);
    }
  }

  @Test
  @DisplayName(
      "each entry is {addedUsers, date}: users added within the cycle before the renewal, on a"
          + " cloud monthly line, adding up to a growth of the site")
  void entries() {
    for (Transaction t : prorated().values()) {
      var p = t.purchaseDetails();
      assertThat(p.hosting().wire()).isEqualTo("Cloud");
      assertThat(p.maintenanceStartDate()).isEqualTo(p.saleDate());
      for (var d : p.proratedDetails()) {
        assertThat(d.addedUsers()).isPositive();
        assertThat(d.date())
            .isAfter(p.maintenanceStartDate().minusMonths(1))
            .isBeforeOrEqualTo(p.maintenanceStartDate());
      }
    }
  }

  @Test
  @DisplayName(
      "K30 shuffledProratedDetails: the same entries in a different order between responses;"
          + " off by default, the order is stable")
  void shuffled() {
    String path = Records.TRANSACTIONS.export(ApiVersion.V3);
    List<String> multi =
        prorated().values().stream()
            .filter(t -> t.purchaseDetails().proratedDetails().size() > 1)
            .map(Transaction::transactionLineItemId)
            .toList();
    assertThat(multi).as("test data: lines with several additions").isNotEmpty();
    Map<String, JsonNode> first = rows(path);
    Map<String, JsonNode> second = rows(path);
    for (String id : multi) {
      assertThat(entries(second.get(id))).isEqualTo(entries(first.get(id)));
    }

    quirks("shuffledProratedDetails");
    Set<String> reordered = new HashSet<>();
    for (int attempt = 0; attempt < 5; attempt++) {
      Map<String, JsonNode> shuffled = rows(path);
      for (String id : multi) {
        List<String> stable = entries(first.get(id));
        List<String> now = entries(shuffled.get(id));
        assertThat(now).containsExactlyInAnyOrderElementsOf(stable);
        if (!now.equals(stable)) {
          reordered.add(id);
        }
      }
    }
    assertThat(reordered).as("some lines came back in another order").isNotEmpty();
  }

  private static List<String> entries(JsonNode row) {
    List<String> out = new ArrayList<>();
    row.get("purchaseDetails").get("proratedDetails").forEach(e -> out.add(e.toString()));
    return out;
  }
}
