package dev.marketlens.bench;

import dev.marketlens.model.BillingPeriod;
import dev.marketlens.model.CustomerDetails;
import dev.marketlens.model.Hosting;
import dev.marketlens.model.LicenseType;
import dev.marketlens.model.Money;
import dev.marketlens.model.SaleType;
import dev.marketlens.model.Tier;
import dev.marketlens.model.id.AddonLicenseId;
import dev.marketlens.model.id.AppEntitlementId;
import dev.marketlens.model.id.AppEntitlementNumber;
import dev.marketlens.model.id.AppKey;
import dev.marketlens.model.id.CloudId;
import dev.marketlens.model.id.LicenseId;
import dev.marketlens.model.id.LicenseIds;
import dev.marketlens.model.id.TransactionId;
import dev.marketlens.model.id.TransactionLineItemId;
import dev.marketlens.model.remittance.RemittanceLine;
import dev.marketlens.model.transaction.TransactionLine;
import dev.marketlens.payouts.remittance.Outcome;
import dev.marketlens.payouts.remittance.ReconciledLine;
import dev.marketlens.payouts.remittance.RemittanceReconciliation;
import dev.marketlens.payouts.remittance.RemittanceTables;
import dev.marketlens.payouts.remittance.Remitted;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Reconciles a year of remittance CSV lines (default 240,000, twelve months of 2025) with the
 * transaction lines of the same year plus two years before, then builds its three tables.
 *
 * <p>The lines are generated deterministically (seed 42) in memory: orders of one or two lines,
 * server and Data Center licenses (SEN and add-on license id) and cloud ones (entitlement number),
 * 3 % refunds; the remittance has a line per transaction line with money, with 0.3 % left out, 0.3
 * % of net revenues changed, 0.5 % of refunds cancelled, and ELA, concession and 10k bills.
 * Generating them is not timed.
 *
 * <p>Timed: {@link RemittanceReconciliation#of} and the months, kinds and lines tables. One
 * warm-up, then five runs: minimum and median. The reference, in the same process on the same
 * lines: a plain hash join — a {@code HashMap} from order id and license id to the transaction
 * line, probed with each remittance line, counting the lines whose amounts agree (no kinds, no
 * second pass, no rows built).
 *
 * <p>Usage: {@code bench/run remittance [remittance lines]}.
 */
public final class RemittanceBench {

  private static final long SEED = 42;
  private static final int RUNS = 5;
  private static final LocalDate YEAR = LocalDate.of(2025, 1, 1);

  private RemittanceBench() {}

  public static void main(String[] args) {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 240_000;
    System.out.printf(
        "remittance: seed %d, %,d remittance lines, %d cores, max heap %d MiB, load average %s%n",
        SEED,
        size,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        ImportBench.loadAverage());
    long g0 = System.nanoTime();
    List<TransactionLine> transactions = new ArrayList<>();
    List<Remitted> remitted = new ArrayList<>();
    generate(size, transactions, remitted);
    System.out.printf(
        "  %,d transaction lines (%,d in 2025), %,d remittance lines, generated in %.1f s%n",
        transactions.size(),
        transactions.stream().filter(t -> t.saleDate().getYear() == 2025).count(),
        remitted.size(),
        (System.nanoTime() - g0) / 1e9);

    List<YearMonth> months = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      months.add(YearMonth.of(2025, m));
    }
    Map<Outcome, Integer> outcomes = ours(remitted, transactions, months); // warm-up
    reference(remitted, transactions);
    double[] ours = new double[RUNS];
    double[] reference = new double[RUNS];
    for (int r = 0; r < RUNS; r++) {
      long t0 = System.nanoTime();
      outcomes = ours(remitted, transactions, months);
      ours[r] = (System.nanoTime() - t0) / 1e9;
      long t1 = System.nanoTime();
      int agreed = reference(remitted, transactions);
      reference[r] = (System.nanoTime() - t1) / 1e9;
      if (r == 0) {
        System.out.printf("  reference: %,d lines agree by the plain hash join%n", agreed);
      }
    }
    Arrays.sort(ours);
    Arrays.sort(reference);
    System.out.printf("  outcomes: %s%n", outcomes);
    System.out.printf(
        "  ours:      min %.3f s, median %.3f s (%,.0f remittance lines/s)%n",
        ours[0], ours[RUNS / 2], size / ours[RUNS / 2]);
    System.out.printf(
        "  reference: min %.3f s, median %.3f s%n", reference[0], reference[RUNS / 2]);
    System.out.printf(
        "  ratio (median): %.2f× the plain hash join%n", ours[RUNS / 2] / reference[RUNS / 2]);
  }

  private static Map<Outcome, Integer> ours(
      List<Remitted> remitted, List<TransactionLine> transactions, List<YearMonth> months) {
    RemittanceReconciliation r = RemittanceReconciliation.of(remitted, transactions, months);
    RemittanceTables.months(r);
    RemittanceTables.kinds(r);
    RemittanceTables.lines(r, false);
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    for (ReconciledLine l : r.lines()) {
      counts.merge(l.outcome(), 1, Integer::sum);
    }
    return counts;
  }

  /** A plain hash join on (order id, license id), comparing both amounts. */
  private static int reference(List<Remitted> remitted, List<TransactionLine> transactions) {
    Map<String, TransactionLine> index = new HashMap<>(transactions.size() * 2);
    for (TransactionLine t : transactions) {
      if (t.saleDate().getYear() == 2025) {
        String license =
            t.licenseIds().licenseId() != null
                ? t.licenseIds().licenseId().value()
                : t.licenseIds().appEntitlementNumber().value();
        index.put(t.transactionId().value() + '\u0000' + license + '\u0000' + t.saleType(), t);
      }
    }
    int agreed = 0;
    for (Remitted r : remitted) {
      RemittanceLine l = r.line();
      SaleType type = l.salePrice().isNegative() ? SaleType.REFUND : null;
      TransactionLine t =
          index.get(
              l.orderId()
                  + '\u0000'
                  + l.licenseId()
                  + '\u0000'
                  + (type == null ? SaleType.NEW : type));
      if (t != null
          && t.purchasePrice().equals(l.salePrice())
          && t.vendorAmount().equals(l.netRevenue())) {
        agreed++;
      }
    }
    return agreed;
  }

  private static void generate(
      int size, List<TransactionLine> transactions, List<Remitted> remitted) {
    SplittableRandom random = new SplittableRandom(SEED);
    CustomerDetails customer = new CustomerDetails("Globex", "US", "Americas", null, null);
    AppKey app = AppKey.of("com.acme.planner");
    Instant updated = Instant.parse("2026-01-01T00:00:00Z");
    int order = 0;
    int inYear = 0;
    long bill = 1_000_000;
    // Two years before the reconciled one, then the year itself: lines of other years are not
    // expected and must be skipped.
    LocalDate start = YEAR.minusYears(2);
    int total = size * 3;
    while (inYear < size) {
      order++;
      int lines = random.nextInt(10) < 8 ? 1 : 2;
      long dayOffset = (long) ((double) (order) / total * 365 * 3);
      LocalDate day = start.plusDays(Math.min(dayOffset, 365L * 3 - 1));
      for (int k = 0; k < lines; k++) {
        boolean cloud = random.nextBoolean();
        String number = Integer.toString(order * 10 + k);
        LicenseIds ids =
            cloud
                ? LicenseIds.ofCloud(
                    AppEntitlementId.of(
                        String.format("%08x-0000-4000-8000-%012x", order, (long) order * 10 + k)),
                    AppEntitlementNumber.of("E-" + number),
                    CloudId.of("6f2e7a0c-1b3d-4e5f-8a9b-0c1d2e3f4a5b"))
                : LicenseIds.ofServer(AddonLicenseId.of(number), LicenseId.of("SEN-" + number));
        boolean refund = random.nextInt(100) < 3;
        long price = (1 + random.nextInt(2_000)) * 100L;
        long vendor = price * (cloud ? 85 : 75) / 100;
        if (refund) {
          price = -price;
          vendor = -vendor;
        }
        String orderId = "AT-" + order;
        TransactionLine t =
            new TransactionLine(
                TransactionId.of(orderId),
                TransactionLineItemId.of(Long.toString(order * 10L + k)),
                ids,
                app,
                "Acme Planner",
                null,
                day,
                refund ? SaleType.REFUND : SaleType.NEW,
                LicenseType.COMMERCIAL,
                cloud ? Hosting.CLOUD : Hosting.DATA_CENTER,
                BillingPeriod.ANNUAL,
                Tier.parse("50 Users"),
                null,
                null,
                Money.ofCents(price),
                Money.ofCents(vendor),
                List.of(),
                null,
                null,
                day,
                day.plusYears(1),
                null,
                customer,
                null,
                null,
                updated,
                false);
        transactions.add(t);
        if (day.getYear() != 2025) {
          continue;
        }
        String license = cloud ? "E-" + number : "SEN-" + number;
        String ref = (refund ? "MPVCR" : "MPV") + "2025" + day.getMonthValue();
        int draw = random.nextInt(1000);
        if (draw < 3) {
          continue; // left out
        }
        long net = draw < 6 && !refund ? Math.max(0, vendor - 1 - random.nextInt(500)) : vendor;
        remitted.add(remitted(remitted.size(), day, orderId, license, price, net, ref));
        inYear++;
        if (refund && draw >= 995) {
          remitted.add(
              remitted(
                  remitted.size(),
                  day.plusDays(3).getYear() == 2025 ? day.plusDays(3) : day,
                  orderId,
                  license,
                  -price,
                  -vendor,
                  "MPV2025" + day.getMonthValue()));
          inYear++;
        } else if (draw >= 990 && draw < 992) {
          String at = "AT" + (bill++);
          remitted.add(remitted(remitted.size(), day, at, null, 0, 42_500, at));
          inYear++;
        } else if (draw == 992) {
          String at = "AT" + (bill++);
          remitted.add(remitted(remitted.size(), day, at, null, 0, 12_000, at + "A"));
          inYear++;
        } else if (draw == 993 && !cloud) {
          String atl = "ATL" + (bill++);
          remitted.add(remitted(remitted.size(), day, atl, license, 240_000, 180_000, atl + "A"));
          inYear++;
        }
      }
    }
  }

  private static Remitted remitted(
      int index, LocalDate day, String order, String license, long sale, long net, String ref) {
    return new Remitted(
        "2025-" + day.getMonthValue() + ".csv",
        index + 1,
        new RemittanceLine(
            day,
            order,
            license,
            "Globex",
            "Acme Planner",
            Money.ofCents(sale),
            Money.ofCents(net),
            ref));
  }
}
