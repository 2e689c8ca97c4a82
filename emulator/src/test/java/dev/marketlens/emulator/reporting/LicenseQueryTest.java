package dev.marketlens.emulator.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.commerce.App;
import dev.marketlens.emulator.commerce.AppPlatform;
import dev.marketlens.emulator.commerce.HostProduct;
import dev.marketlens.emulator.commerce.PaymentModel;
import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.LicenseIds;
import dev.marketlens.emulator.wire.LicenseStatus;
import dev.marketlens.emulator.wire.LicenseType;
import dev.marketlens.emulator.wire.Tier;
import dev.marketlens.emulator.wire.WireFormat.ApiVersion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** License filters on hand-made records, for cases the generated world does not contain. */
@DisplayName("§7.2: license filters on hand-made records")
class LicenseQueryTest {

  private static final App PAID =
      app(
          "com.example.paid",
          "11111111-1111-1111-1111-111111111111",
          PaymentModel.PAID_VIA_ATLASSIAN);
  private static final App FREE =
      app("com.example.free", "22222222-2222-2222-2222-222222222222", PaymentModel.FREE);
  private static final Vendor VENDOR =
      new Vendor(42, "33333333-3333-3333-3333-333333333333", "Example", List.of(PAID, FREE));

  private static App app(String key, String productId, PaymentModel model) {
    return new App(
        key,
        key,
        productId,
        HostProduct.JIRA,
        AppPlatform.CONNECT,
        false,
        false,
        LocalDate.of(2019, 1, 1),
        model,
        false,
        false,
        Map.of());
  }

  private static License license(
      String sen,
      App app,
      Hosting hosting,
      String start,
      String end,
      List<String> boundaries,
      String edition) {
    return new License(
        new LicenseIds(null, null, sen, null, null, null, null, null, null),
        app.addonKey(),
        app.productId(),
        app.name(),
        hosting,
        edition,
        null,
        null,
        null,
        null,
        null,
        null,
        LocalDate.parse(start),
        LicenseType.COMMERCIAL,
        LocalDate.parse(start),
        end == null ? null : LocalDate.parse(end),
        LicenseStatus.ACTIVE,
        Tier.users(10),
        null,
        null,
        null,
        null,
        "Non-Atlassian",
        null,
        null,
        null,
        boundaries,
        null);
  }

  private static License dated(String sen, String start, String end) {
    return license(sen, PAID, Hosting.DATA_CENTER, start, end, null, null);
  }

  private static List<String> matching(ApiVersion v, Params p, List<License> licenses) {
    LicenseQuery q = LicenseQuery.parse(p, v, AppFilter.of(VENDOR, v, p), false);
    List<String> out = new ArrayList<>();
    for (License l : licenses) {
      if (q.matches(l)) {
        out.add(l.ids().licenseId());
      }
    }
    return out;
  }

  private static List<String> matching(Params p, List<License> licenses) {
    return matching(ApiVersion.V2, p, licenses);
  }

  @DisplayName(
      "§7.2: dateType=end keeps licenses active within the window, open-ended ones included")
  @Test
  void activeWithin() {
    List<License> ls =
        List.of(
            dated("SEN-before", "2020-01-01", "2020-12-31"),
            dated("SEN-spanning", "2020-06-01", "2022-06-01"),
            dated("SEN-ending-on-start", "2020-01-01", "2021-01-01"),
            dated("SEN-starting-on-end", "2021-01-31", "2022-01-31"),
            dated("SEN-open", "2019-01-01", null),
            dated("SEN-after", "2021-02-01", "2022-02-01"));

    assertThat(
            matching(
                Params.of("startDate", "2021-01-01", "endDate", "2021-01-31", "dateType", "end"),
                ls))
        .containsExactly("SEN-spanning", "SEN-ending-on-start", "SEN-starting-on-end", "SEN-open");
    assertThat(matching(Params.of("startDate", "2021-01-01", "endDate", "2021-01-31"), ls))
        .as("dateType start (default): maintenanceStartDate in the window")
        .containsExactly("SEN-starting-on-end");
  }

  @DisplayName("§7.2/K24: a reversed window matches nothing, whatever the dateType")
  @Test
  void reversedWindow() {
    List<License> ls =
        List.of(
            dated("SEN-spanning", "2020-01-01", "2023-01-01"),
            dated("SEN-open", "2019-01-01", null));

    for (String type : List.of("start", "end")) {
      assertThat(
              matching(
                  Params.of("startDate", "2021-06-01", "endDate", "2021-05-01", "dateType", type),
                  ls))
          .as(type)
          .isEmpty();
    }
  }

  @DisplayName(
      "§7.2: without cloudComplianceBoundaries only commercial cloud rows are served; non-cloud"
          + " rows are not affected; repeated values widen the set")
  @Test
  void complianceBoundaries() {
    List<License> ls =
        List.of(
            license(
                "SEN-commercial",
                PAID,
                Hosting.CLOUD,
                "2024-01-01",
                null,
                List.of("commercial"),
                null),
            license(
                "SEN-fedramp",
                PAID,
                Hosting.CLOUD,
                "2024-01-01",
                null,
                List.of("fedramp_moderate"),
                null),
            license(
                "SEN-isolated",
                PAID,
                Hosting.CLOUD,
                "2024-01-01",
                null,
                List.of("isolated_cloud"),
                null),
            license("SEN-none", PAID, Hosting.CLOUD, "2024-01-01", null, null, null),
            license("SEN-dc", PAID, Hosting.DATA_CENTER, "2024-01-01", null, null, null));

    assertThat(matching(Params.of(), ls)).containsExactly("SEN-commercial", "SEN-none", "SEN-dc");
    assertThat(matching(Params.of("cloudComplianceBoundaries", "fedramp_moderate"), ls))
        .containsExactly("SEN-fedramp", "SEN-dc");
    assertThat(
            matching(
                Params.of(
                    "cloudComplianceBoundaries",
                    "isolated_cloud",
                    "cloudComplianceBoundaries",
                    "commercial"),
                ls))
        .containsExactly("SEN-commercial", "SEN-isolated", "SEN-none", "SEN-dc");
  }

  @DisplayName("§7.2/§15: appEdition compares case-insensitively with the record's appEdition")
  @Test
  void appEdition() {
    List<License> ls =
        List.of(
            license("SEN-std", PAID, Hosting.CLOUD, "2024-01-01", null, null, "Standard"),
            license("SEN-adv", PAID, Hosting.CLOUD, "2024-01-01", null, null, "Advanced"),
            license("SEN-none", PAID, Hosting.CLOUD, "2024-01-01", null, null, null));

    assertThat(matching(Params.of("appEdition", "standard"), ls)).containsExactly("SEN-std");
    assertThat(matching(Params.of("appEdition", "Advanced"), ls)).containsExactly("SEN-adv");
    assertThat(matching(Params.of("appEdition", "standard", "appEdition", "ADVANCED"), ls))
        .containsExactly("SEN-std", "SEN-adv");
  }

  @DisplayName(
      "§12/K3: v3 productId names apps by UUID; v2 addon by key; comma-joined values match"
          + " nothing")
  @Test
  void appFilter() {
    License paid = license("SEN-paid", PAID, Hosting.SERVER, "2024-01-01", null, null, null);
    List<License> ls = List.of(paid);

    assertThat(matching(ApiVersion.V3, Params.of("productId", PAID.productId()), ls))
        .containsExactly("SEN-paid");
    assertThat(matching(ApiVersion.V3, Params.of("productId", PAID.addonKey()), ls)).isEmpty();
    assertThat(matching(ApiVersion.V2, Params.of("addon", PAID.addonKey()), ls))
        .containsExactly("SEN-paid");
    assertThat(
            matching(
                ApiVersion.V2, Params.of("addon", PAID.addonKey() + "," + FREE.addonKey()), ls))
        .isEmpty();
  }

  @DisplayName(
      "§7.2: showLifeTimeFreeLicenses=true keeps only always-free apps' licenses, false only the"
          + " others")
  @Test
  void lifetimeFree() {
    List<License> ls =
        List.of(
            license("SEN-paid", PAID, Hosting.SERVER, "2024-01-01", null, null, null),
            license("SEN-free", FREE, Hosting.SERVER, "2024-01-01", null, null, null));

    assertThat(matching(Params.of(), ls)).containsExactly("SEN-paid");
    assertThat(matching(Params.of("showLifeTimeFreeLicenses", "true"), ls))
        .containsExactly("SEN-free");
  }

  @DisplayName("§6: rows with equal sort keys are ordered by row key ascending, in both orders")
  @Test
  void stableSort() {
    License a = dated("SEN-a", "2024-01-01", null);
    License b = dated("SEN-b", "2024-01-01", null);
    License c = dated("SEN-c", "2023-01-01", null);
    for (String order : List.of("asc", "desc")) {
      LicenseQuery q =
          LicenseQuery.parse(
              Params.of("sortBy", "startDate", "order", order),
              ApiVersion.V2,
              AppFilter.of(VENDOR, ApiVersion.V2, Params.of()),
              false);
      List<License> sorted = new ArrayList<>(List.of(b, c, a));
      sorted.sort(q.comparator());
      assertThat(sorted)
          .as(order)
          .containsExactlyElementsOf(order.equals("asc") ? List.of(c, a, b) : List.of(a, b, c));
    }
  }
}
