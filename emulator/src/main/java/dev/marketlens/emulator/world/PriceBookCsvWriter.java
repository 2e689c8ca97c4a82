package dev.marketlens.emulator.world;

import dev.marketlens.emulator.commerce.App;
import dev.marketlens.emulator.commerce.PaymentModel;
import dev.marketlens.emulator.commerce.PriceBook;
import dev.marketlens.emulator.commerce.PricePlan;
import dev.marketlens.emulator.commerce.UserTiers;
import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.wire.Hosting;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * A vendor's price books as the price book CSV the platform imports ({@code App Key, Hosting,
 * Effective From, Tier, Price, Renewal Price}): every plan of every paid app, including price
 * changes still to come. Cloud rows give the monthly price of a site at each annual tier's users
 * (the platform interpolates per-unit counts between them); server and Data Center rows the annual
 * price of each tier, server renewals at the simulation's renewal percentage.
 */
public final class PriceBookCsvWriter {

  public static final String FILE = "price-book.csv";

  private PriceBookCsvWriter() {}

  /** Writes the vendor's price books as CSV. */
  public static void write(Vendor vendor, OutputStream out) {
    StringBuilder b =
        new StringBuilder("App Key,Hosting,Effective From,Tier,Price,Renewal Price\r\n");
    for (App app : vendor.apps()) {
      if (app.paymentModel() != PaymentModel.PAID_VIA_ATLASSIAN) {
        continue;
      }
      for (Hosting hosting : Hosting.values()) {
        if (!app.sells(hosting)) {
          continue;
        }
        for (PriceBook.Entry entry : app.priceBook(hosting).entries()) {
          String lead = app.addonKey() + "," + hosting.wire() + "," + entry.effectiveFrom() + ",";
          if (entry.plan() instanceof PricePlan.Cloud cloud) {
            for (int users : UserTiers.CLOUD_ANNUAL) {
              b.append(lead).append(users).append(" Users,");
              b.append(dollars(cloud.monthlyCents(users))).append(",\r\n");
            }
          } else {
            PricePlan.Tiered tiered = (PricePlan.Tiered) entry.plan();
            for (int i = 0; i < tiered.tiers().size(); i++) {
              row(b, lead, tiered.tiers().get(i) + " Users", tiered.annualCents().get(i), hosting);
            }
            if (hosting == Hosting.SERVER) {
              row(b, lead, "Unlimited Users", tiered.unlimitedCents(), hosting);
            }
          }
        }
      }
    }
    try {
      out.write(b.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void row(StringBuilder b, String lead, String tier, long cents, Hosting hosting) {
    b.append(lead).append(tier).append(',').append(dollars(cents)).append(',');
    if (hosting == Hosting.SERVER) {
      b.append(dollars((cents * Simulation.SERVER_RENEWAL_PERCENT + 50) / 100));
    }
    b.append("\r\n");
  }

  private static String dollars(long cents) {
    return BigDecimal.valueOf(cents, 2).toPlainString();
  }
}
