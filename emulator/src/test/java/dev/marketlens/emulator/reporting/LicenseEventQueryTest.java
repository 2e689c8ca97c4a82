package dev.marketlens.emulator.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.reporting.CloudMetrics.Kind;
import dev.marketlens.emulator.reporting.CloudMetrics.LicenseEvent;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.WireFormat.ApiVersion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Cloud license event filters and sort (spec §13.3, A4)")
class LicenseEventQueryTest {

  private static final Vendor VENDOR = new Vendor(1, "dev-1", "Vendor", Records.APPS);

  private static LicenseEvent event(int n, String date) {
    var app = n % 2 == 0 ? Records.JIRA_APP : Records.CONFLUENCE_APP;
    var license =
        Records.cloudLicense(
            app,
            "L" + n,
            dev.marketlens.emulator.wire.LicenseType.COMMERCIAL,
            dev.marketlens.emulator.wire.LicenseStatus.CANCELLED,
            LocalDate.parse(date).minusMonths(1),
            LocalDate.parse(date),
            null);
    var line =
        Records.cloudLine(
            app,
            "L" + n,
            dev.marketlens.emulator.wire.SaleType.RENEWAL,
            LocalDate.parse(date).minusMonths(1),
            LocalDate.parse(date).minusMonths(1),
            LocalDate.parse(date),
            dev.marketlens.emulator.wire.BillingPeriod.MONTHLY,
            100,
            80);
    return new LicenseEvent(
        Kind.CHURN,
        app.addonKey(),
        app.productId(),
        app.name(),
        Hosting.CLOUD,
        null,
        LocalDate.parse(date),
        LocalDate.parse(date),
        line.transactionId(),
        "No",
        "E-L" + n,
        "ent-L" + n,
        "E-L" + n,
        "cloud-L" + n,
        LocalDate.parse(date).minusMonths(1),
        LocalDate.parse(date),
        1,
        null,
        null,
        license,
        line);
  }

  private static List<LicenseEvent> events() {
    List<LicenseEvent> out = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      out.add(event(i, LocalDate.of(2026, 1, 1).plusDays(i * 3L).toString()));
    }
    return out;
  }

  private static LicenseEventQuery query(String... params) {
    Params p = Params.of(params);
    return LicenseEventQuery.parse(p, AppFilter.of(VENDOR, ApiVersion.V2, p));
  }

  @Test
  @DisplayName("K23: partnerType=upgrade is refused though the message lists it")
  void upgradeRefused() {
    assertThatThrownBy(() -> query("partnerType", "upgrade"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("'upgrade'");
    assertThat(query("partnerType", "direct").select(events(), false)).hasSize(20);
    assertThat(query("partnerType", "expert").select(events(), false)).isEmpty();
  }

  @Test
  @DisplayName("§13.3: sortBy is strict; without it the order is newest first and order is ignored")
  void sorting() {
    assertThatThrownBy(() -> query("sortBy", "eventDate")).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> query("sortBy", "date", "order", "up"))
        .isInstanceOf(ApiException.class);
    List<LicenseEvent> none = query("order", "asc").select(events(), false);
    assertThat(none).isSortedAccordingTo(Comparator.comparing(LicenseEvent::eventDate).reversed());
    assertThat(query("sortBy", "date").select(events(), false))
        .isSortedAccordingTo(Comparator.comparing(LicenseEvent::eventDate));
    assertThat(query("sortBy", "licenseId", "order", "desc").select(events(), false))
        .isSortedAccordingTo(Comparator.comparing(LicenseEvent::licenseId).reversed());
  }

  @Test
  @DisplayName("K4 (detailsDescScrambled): a descending sort is a non-monotonic permutation")
  void scrambled() {
    List<LicenseEvent> all = events();
    List<LicenseEvent> sorted = query("sortBy", "date", "order", "desc").select(all, false);
    List<LicenseEvent> scrambled = query("sortBy", "date", "order", "desc").select(all, true);
    assertThat(scrambled).containsExactlyInAnyOrderElementsOf(sorted).isNotEqualTo(sorted);
    assertThat(query("sortBy", "date", "order", "asc").select(events(), true))
        .isSortedAccordingTo(Comparator.comparing(LicenseEvent::eventDate));
  }

  @Test
  @DisplayName("§13.3: dates filter the event date; app, hosting, text and lastUpdated filter too")
  void filters() {
    assertThat(query("startDate", "2026-01-10", "endDate", "2026-01-19").select(events(), false))
        .extracting(LicenseEvent::eventDate)
        .allMatch(d -> !d.isBefore(LocalDate.of(2026, 1, 10)))
        .hasSize(4);
    assertThat(query("addon", Records.JIRA_APP.addonKey()).select(events(), false)).hasSize(10);
    assertThat(query("hosting", "datacenter").select(events(), false)).isEmpty();
    assertThat(query("text", "e-l7").select(events(), false))
        .extracting(LicenseEvent::licenseId)
        .containsExactly("E-L7");
    assertThat(query("lastUpdated", "2026-02-24").select(events(), false)).hasSize(2);
    assertThat(query("appEdition", "standard").select(events(), false)).isEmpty();
    assertThatThrownBy(() -> query("startDate", "yesterday")).isInstanceOf(ApiException.class);
  }
}
