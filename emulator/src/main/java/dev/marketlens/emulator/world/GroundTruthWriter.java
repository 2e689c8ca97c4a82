package dev.marketlens.emulator.world;

import dev.marketlens.emulator.commerce.App;
import dev.marketlens.emulator.commerce.MrrLedger;
import dev.marketlens.emulator.commerce.Payouts;
import dev.marketlens.emulator.commerce.RefundPolicy;
import dev.marketlens.emulator.wire.DiscountType;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.RemittanceRow;
import dev.marketlens.emulator.wire.WireJson;
import java.io.OutputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/**
 * Writes a vendor's ground truth as JSON, money in integer cents, months as {@code YYYY-MM}. {@code
 * movements.json} has exactly the shape of the metrics' {@code report movements --format json};
 * {@code movements-by-app.json} that of {@code --by app} (a {@code segment} field holding the app
 * key).
 */
public final class GroundTruthWriter {

  /** The files of a vendor's ground truth, in the order {@link #write} produces them. */
  public static final List<String> FILES =
      List.of(
          "movements.json",
          "movements-by-app.json",
          "conversion.json",
          "refunds.json",
          "revenue.json",
          "payouts.json",
          "subscriptions.json",
          "catalog.json",
          PriceBookCsvWriter.FILE);

  private final GroundTruth truth;

  public GroundTruthWriter(GroundTruth truth) {
    this.truth = truth;
  }

  /** Writes one of {@link #FILES}. */
  public void write(String file, OutputStream out) {
    if (file.equals(PriceBookCsvWriter.FILE)) {
      PriceBookCsvWriter.write(truth.vendor(), out);
      return;
    }
    try (JsonGenerator g = WireJson.createGenerator(out)) {
      switch (file) {
        case "movements.json" -> movements(g, truth.movements(), null);
        case "movements-by-app.json" -> movementsByApp(g);
        case "conversion.json" -> conversion(g);
        case "refunds.json" -> refunds(g);
        case "revenue.json" -> revenue(g);
        case "payouts.json" -> payouts(g);
        case "subscriptions.json" -> subscriptions(g);
        case "catalog.json" -> catalog(g);
        default -> throw new IllegalArgumentException("no ground-truth file " + file);
      }
      g.writeRaw('\n');
    }
  }

  /** The name of the remittance's ground truth, beside the files of {@link #FILES}. */
  public static final String REMITTANCE_TRUTH = "remittance-truth.json";

  /**
   * Writes what a vendor's remittance holds beyond the API: per month the lines and totals, the
   * remittance-only bills (ELA, concession, 10k) and the injected mismatches, money in cents.
   */
  public static void writeRemittance(Remittance remittance, OutputStream out) {
    try (JsonGenerator g = WireJson.createGenerator(out)) {
      g.writeStartObject();
      g.writeArrayPropertyStart("months");
      for (Map.Entry<YearMonth, List<RemittanceRow>> e : remittance.months().entrySet()) {
        long sale = 0;
        long net = 0;
        for (RemittanceRow r : e.getValue()) {
          sale += r.salePriceCents();
          net += r.netRevenueCents();
        }
        g.writeStartObject();
        g.writeStringProperty("month", e.getKey().toString());
        g.writeNumberProperty("lines", e.getValue().size());
        g.writeNumberProperty("salePrice", sale);
        g.writeNumberProperty("netRevenue", net);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayPropertyStart("remittanceOnly");
      for (RemittanceRow r : remittance.remittanceOnly()) {
        g.writeStartObject();
        g.writeStringProperty("reference", r.reference());
        g.writeStringProperty("saleDate", r.saleDate().toString());
        g.writeStringProperty("orderId", r.orderId());
        if (r.licenseId() == null) {
          g.writeNullProperty("licenseId");
        } else {
          g.writeStringProperty("licenseId", r.licenseId());
        }
        g.writeNumberProperty("salePrice", r.salePriceCents());
        g.writeNumberProperty("netRevenue", r.netRevenueCents());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayPropertyStart("mismatches");
      for (Remittance.Mismatch m : remittance.mismatches()) {
        g.writeStartObject();
        g.writeStringProperty("kind", m.kind().name());
        g.writeStringProperty("month", m.month().toString());
        g.writeStringProperty("saleDate", m.saleDate().toString());
        g.writeStringProperty("orderId", m.orderId());
        g.writeStringProperty("licenseId", m.licenseId());
        g.writeStringProperty("lineItemId", m.lineItemId());
        g.writeNumberProperty("expectedSalePrice", m.expectedSalePriceCents());
        g.writeNumberProperty("expectedNetRevenue", m.expectedNetRevenueCents());
        if (m.remittedSalePriceCents() == null) {
          g.writeNullProperty("remittedSalePrice");
          g.writeNullProperty("remittedNetRevenue");
        } else {
          g.writeNumberProperty("remittedSalePrice", m.remittedSalePriceCents());
          g.writeNumberProperty("remittedNetRevenue", m.remittedNetRevenueCents());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private static void movements(JsonGenerator g, List<MrrLedger.Movements> rows, String segment) {
    g.writeStartArray();
    for (MrrLedger.Movements m : rows) {
      movement(g, m, segment);
    }
    g.writeEndArray();
  }

  private static void movement(JsonGenerator g, MrrLedger.Movements m, String segment) {
    g.writeStartObject();
    g.writeStringProperty("month", m.month().toString());
    if (segment != null) {
      g.writeStringProperty("segment", segment);
    }
    g.writeNumberProperty("openingMrr", m.openingMrr());
    g.writeNumberProperty("newMrr", m.newMrr());
    g.writeNumberProperty("expansionMrr", m.expansionMrr());
    g.writeNumberProperty("contractionMrr", m.contractionMrr());
    g.writeNumberProperty("churnedMrr", m.churnedMrr());
    g.writeNumberProperty("reactivationMrr", m.reactivationMrr());
    g.writeNumberProperty("closingMrr", m.closingMrr());
    g.writeNumberProperty("customers", m.customers());
    g.writeEndObject();
  }

  private void movementsByApp(JsonGenerator g) {
    g.writeStartArray();
    Map<String, List<MrrLedger.Movements>> byApp = truth.movementsByApp();
    int months = truth.movements().size();
    for (int k = 0; k < months; k++) {
      for (Map.Entry<String, List<MrrLedger.Movements>> e : byApp.entrySet()) {
        movement(g, e.getValue().get(k), e.getKey());
      }
    }
    g.writeEndArray();
  }

  private void conversion(JsonGenerator g) {
    g.writeStartArray();
    for (GroundTruth.Conversion c : truth.conversions()) {
      g.writeStartObject();
      g.writeStringProperty("month", c.month().toString());
      g.writeNumberProperty("evaluations", c.evaluations());
      g.writeNumberProperty("converted", c.converted());
      if (c.conversionRate() == null) {
        g.writeNullProperty("conversionRate");
      } else {
        g.writeNumberProperty("conversionRate", c.conversionRate());
      }
      g.writeNumberProperty("eventualConversions", c.eventualConversions());
      if (c.medianDaysToConvert() == null) {
        g.writeNullProperty("medianDaysToConvert");
      } else {
        g.writeNumberProperty("medianDaysToConvert", c.medianDaysToConvert());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private void refunds(JsonGenerator g) {
    g.writeStartArray();
    for (GroundTruth.Refunds r : truth.refunds()) {
      g.writeStartObject();
      g.writeStringProperty("month", r.month().toString());
      g.writeNumberProperty("count", r.count());
      g.writeNumberProperty("purchasePrice", r.purchaseCents());
      g.writeNumberProperty("vendorAmount", r.vendorCents());
      g.writeObjectPropertyStart("byRule");
      for (Map.Entry<RefundPolicy.Rule, Integer> e : r.byRule().entrySet()) {
        g.writeNumberProperty(e.getKey().name(), e.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private void revenue(JsonGenerator g) {
    g.writeStartArray();
    for (GroundTruth.Revenue r : truth.revenue()) {
      g.writeStartObject();
      g.writeStringProperty("month", r.month().toString());
      g.writeStringProperty("addonKey", r.addonKey());
      g.writeNumberProperty("lines", r.lines());
      g.writeNumberProperty("zeroDollarLines", r.zeroDollarLines());
      g.writeNumberProperty("purchasePrice", r.grossCents());
      g.writeNumberProperty("vendorAmount", r.vendorCents());
      g.writeNumberProperty("listPrice", r.listCents());
      g.writeObjectPropertyStart("discounts");
      for (Map.Entry<DiscountType, Long> e : r.discountCents().entrySet()) {
        g.writeNumberProperty(e.getKey().wire(), e.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private void payouts(JsonGenerator g) {
    g.writeStartArray();
    for (Payouts.Month m : truth.payouts()) {
      g.writeStartObject();
      g.writeStringProperty("month", m.month().toString());
      g.writeNumberProperty("sales", m.salesCents());
      g.writeNumberProperty("refunds", m.refundsCents());
      g.writeNumberProperty("carriedIn", m.carriedInCents());
      g.writeNumberProperty("paid", m.paidCents());
      if (m.paymentDate() == null) {
        g.writeNullProperty("paymentDate");
      } else {
        g.writeStringProperty("paymentDate", m.paymentDate().toString());
      }
      g.writeNumberProperty("carriedOut", m.carriedOutCents());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private void subscriptions(JsonGenerator g) {
    g.writeStartArray();
    for (GroundTruth.SubscriptionMrr s : truth.subscriptions()) {
      g.writeStartObject();
      g.writeStringProperty("subscription", s.lineage());
      g.writeStringProperty("customer", s.customer());
      g.writeStringProperty("addonKey", s.addonKey());
      g.writeArrayPropertyStart("mrr");
      for (Map.Entry<YearMonth, Long> e : s.changes().entrySet()) {
        g.writeStartObject();
        g.writeStringProperty("month", e.getKey().toString());
        g.writeNumberProperty("mrr", e.getValue());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private void catalog(JsonGenerator g) {
    g.writeStartObject();
    g.writeNumberProperty("vendorId", truth.vendor().vendorId());
    g.writeStringProperty("developerId", truth.vendor().developerId());
    g.writeStringProperty("name", truth.vendor().name());
    g.writeStringProperty("from", truth.from().toString());
    g.writeStringProperty("to", truth.to().toString());
    g.writeArrayPropertyStart("apps");
    for (App a : truth.vendor().apps()) {
      g.writeStartObject();
      g.writeStringProperty("addonKey", a.addonKey());
      g.writeStringProperty("name", a.name());
      g.writeStringProperty("productId", a.productId());
      g.writeStringProperty("hostProduct", a.hostProduct().name());
      g.writeStringProperty("platform", a.platform().name());
      g.writeStringProperty("paymentModel", a.paymentModel().name());
      g.writeStringProperty("listingDate", a.listingDate().toString());
      g.writeBooleanProperty("solutionPartnerOptIn", a.solutionPartnerOptIn());
      g.writeBooleanProperty("freeStarterTier", a.freeStarterTier());
      List<String> hostings = new ArrayList<>();
      for (Hosting h : a.hostings()) {
        hostings.add(h.wire());
      }
      g.writeArrayPropertyStart("hostings");
      for (String h : hostings) {
        g.writeString(h);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
