package dev.marketlens.app;

import dev.marketlens.emulator.wire.Cents;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.SaleType;
import dev.marketlens.emulator.world.World;
import dev.marketlens.emulator.world.WorldSummary;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** Prints a world's summary for a person. */
final class Summary {

  private Summary() {}

  static void print(World world, WorldSummary s, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "World: seed %d, %d customers arriving %s..%s, clock %s%n",
        world.spec().seed(),
        world.spec().customers(),
        world.spec().from(),
        world.spec().to(),
        world.clock());
    out.printf(Locale.ROOT, "  customers with activity   %,12d%n", s.customers());
    out.printf(
        Locale.ROOT,
        "  licenses                  %,12d  (%,d evaluations; %,d versions)%n",
        s.licenses(),
        s.evaluationLicenses(),
        s.licenseVersions());
    out.printf(
        Locale.ROOT,
        "  transaction lines         %,12d  (%,d at $0; %,d versions)%n",
        s.transactionLines(),
        s.zeroDollarLines(),
        s.transactionVersions());
    out.println("  lines by hosting");
    for (Map.Entry<Hosting, Integer> e : s.linesByHosting().entrySet()) {
      out.printf(Locale.ROOT, "    %-22s  %,12d%n", e.getKey().wire(), e.getValue());
    }
    out.println("  lines by sale type");
    for (Map.Entry<SaleType, Integer> e : s.linesBySaleType().entrySet()) {
      out.printf(Locale.ROOT, "    %-22s  %,12d%n", e.getKey().wire(), e.getValue());
    }
    out.printf(Locale.ROOT, "  revenue (purchase price)  %15s USD%n", money(s.grossCents()));
    out.printf(Locale.ROOT, "  vendor amount             %15s USD%n", money(s.vendorCents()));
    out.printf(Locale.ROOT, "  refunded                  %15s USD%n", money(s.refundedCents()));
    for (WorldSummary.VendorMrr v : s.vendors()) {
      out.printf(
          Locale.ROOT,
          "  %s (vendor %d): MRR %s USD net, ARR %s USD, %,d paying customers at %s%n",
          v.vendor().name(),
          v.vendor().vendorId(),
          money(v.closingMrrCents()),
          money(12 * v.closingMrrCents()),
          v.payingCustomers(),
          world.clock());
    }
    out.flush();
  }

  private static String money(long cents) {
    String text = Cents.toDecimalString(cents);
    int dot = text.indexOf('.');
    String whole = text.substring(0, dot);
    String fraction = text.substring(dot + 1);
    if (fraction.length() == 1) {
      fraction = fraction + "0";
    }
    boolean negative = whole.startsWith("-");
    String digits = negative ? whole.substring(1) : whole;
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        grouped.append(',');
      }
      grouped.append(digits.charAt(i));
    }
    return (negative ? "-" : "") + grouped + "." + fraction;
  }
}
