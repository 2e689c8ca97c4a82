package dev.marketlens.payouts.remittance;

import dev.marketlens.model.Money;
import dev.marketlens.model.SaleType;
import dev.marketlens.model.id.LicenseIds;
import dev.marketlens.model.remittance.RemittanceLine;
import dev.marketlens.model.transaction.TransactionLine;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Matches the lines of monthly remittance CSVs (seed 004, SR-M8) to the transaction lines of the
 * same months and says, for every line on either side, what it is ({@link Outcome}).
 *
 * <p>Which transaction lines are expected: those sold in the reconciled months with money (a
 * purchase price or vendor amount other than zero); $0 lines are not remitted. A remittance line is
 * matched by its order id (the transaction id) and its {@code License ID (Host SEN)} against any id
 * the transaction line's license carries (SEN with or without {@code SEN-}, add-on license id, host
 * license id, entitlement numbers and ids, case ignored); a bill ({@code MPV…}) pairs with a sale,
 * a bill credit ({@code MPVCR…}) with a refund. Among the transaction lines of one order and
 * license, a line with equal amounts and date is taken first, then one with equal amounts, then
 * any: the first is {@link Outcome#MATCHED}, the second a {@link Outcome#DATE_DIFFERENCE}, the
 * third an {@link Outcome#AMOUNT_DIFFERENCE}. A bill left over that exactly reverses a refund of
 * the same order and license is a {@link Outcome#CANCELLED_REFUND} (SR-M7, SR-M9); other leftovers
 * are {@link Outcome#NOT_IN_API}, and expected transaction lines nothing took are {@link
 * Outcome#NOT_IN_REMITTANCE}. ELA, concession and 10k bills are remittance-only by their reference
 * (SR-M5…M7) and matched to nothing.
 *
 * <p>Hash joins throughout: each transaction line is indexed under each of its license ids, so the
 * work grows with the number of lines, not their product.
 */
public final class RemittanceReconciliation {

  private final List<ReconciledLine> lines;
  private final SortedSet<YearMonth> months;

  private RemittanceReconciliation(List<ReconciledLine> lines, SortedSet<YearMonth> months) {
    this.lines = lines;
    this.months = months;
  }

  /** Every row: the remittance's lines in their order, then the transaction lines it lacks. */
  public List<ReconciledLine> lines() {
    return lines;
  }

  /** The reconciled months, in order. */
  public SortedSet<YearMonth> months() {
    return months;
  }

  /**
   * Reconciles {@code remitted} with {@code transactions} over {@code months}.
   *
   * @param months the months whose transaction lines are expected; when empty, the months of the
   *     remittance lines' sale dates
   */
  public static RemittanceReconciliation of(
      List<Remitted> remitted,
      Collection<TransactionLine> transactions,
      Collection<YearMonth> months) {
    SortedSet<YearMonth> period = new TreeSet<>(months);
    if (period.isEmpty()) {
      for (Remitted r : remitted) {
        period.add(month(r.line().saleDate()));
      }
    }
    return new Matcher(remitted, transactions, period).run();
  }

  /** The canonical form of a license id for matching: upper case, without {@code SEN-}. */
  static String licenseKey(String id) {
    if (id == null) {
      return "";
    }
    String upper = id.strip().toUpperCase(Locale.ROOT);
    return upper.startsWith("SEN-") ? upper.substring(4) : upper;
  }

  private static List<String> licenseKeys(LicenseIds ids) {
    List<String> keys = new ArrayList<>(4);
    for (Object id :
        new Object[] {
          ids.licenseId(),
          ids.addonLicenseId(),
          ids.hostLicenseId(),
          ids.appEntitlementNumber(),
          ids.hostEntitlementNumber(),
          ids.appEntitlementId()
        }) {
      if (id != null) {
        String key = licenseKey(id.toString());
        if (!key.isEmpty() && !keys.contains(key)) {
          keys.add(key);
        }
      }
    }
    return keys;
  }

  static YearMonth month(LocalDate day) {
    return YearMonth.of(day.getYear(), day.getMonthValue());
  }

  private static final class Matcher {
    private final List<Remitted> remitted;
    private final SortedSet<YearMonth> period;
    private final TransactionLine[] expected;
    private final boolean[] taken;
    private final Map<String, int[]> byKey = new HashMap<>();
    private final ReconciledLine[] rows;
    private final int[] pairedWith;

    Matcher(
        List<Remitted> remitted,
        Collection<TransactionLine> transactions,
        SortedSet<YearMonth> period) {
      this.remitted = remitted;
      this.period = period;
      List<TransactionLine> inPeriod = new ArrayList<>();
      for (TransactionLine t : transactions) {
        if (period.contains(month(t.saleDate()))
            && (!t.purchasePrice().isZero() || !t.vendorAmount().isZero())) {
          inPeriod.add(t);
        }
      }
      this.expected = inPeriod.toArray(new TransactionLine[0]);
      this.taken = new boolean[expected.length];
      for (int i = 0; i < expected.length; i++) {
        String order = expected[i].transactionId().value();
        for (String key : licenseKeys(expected[i].licenseIds())) {
          int[] bucket = byKey.get(order + '\u0000' + key);
          if (bucket == null) {
            byKey.put(order + '\u0000' + key, new int[] {i});
          } else {
            int[] grown = Arrays.copyOf(bucket, bucket.length + 1);
            grown[bucket.length] = i;
            byKey.put(order + '\u0000' + key, grown);
          }
        }
      }
      this.rows = new ReconciledLine[remitted.size()];
      this.pairedWith = new int[remitted.size()];
      Arrays.fill(pairedWith, -1);
    }

    RemittanceReconciliation run() {
      // Three passes, each stricter match first, so that a looser pairing never takes a line an
      // exact one needs.
      for (int pass = 0; pass < 3; pass++) {
        for (int r = 0; r < remitted.size(); r++) {
          if (rows[r] != null) {
            continue;
          }
          RemittanceLine line = remitted.get(r).line();
          RemittanceLine.Kind kind = line.kind();
          if (kind.remittanceOnly()) {
            rows[r] = row(r, remittanceOnly(kind), -1, false);
            continue;
          }
          int[] bucket = byKey.get(line.orderId() + '\u0000' + licenseKey(line.licenseId()));
          if (bucket == null) {
            continue;
          }
          boolean credit = kind == RemittanceLine.Kind.BILL_CREDIT;
          for (int i : bucket) {
            TransactionLine t = expected[i];
            if (taken[i] || (t.saleType() == SaleType.REFUND) != credit) {
              continue;
            }
            boolean amounts =
                t.purchasePrice().equals(line.salePrice())
                    && t.vendorAmount().equals(line.netRevenue());
            boolean date = t.saleDate().equals(line.saleDate());
            Outcome outcome =
                switch (pass) {
                  case 0 -> amounts && date ? Outcome.MATCHED : null;
                  case 1 -> amounts ? Outcome.DATE_DIFFERENCE : null;
                  default -> Outcome.AMOUNT_DIFFERENCE;
                };
            if (outcome != null) {
              taken[i] = true;
              rows[r] = row(r, outcome, i, true);
              break;
            }
          }
        }
      }
      for (int r = 0; r < remitted.size(); r++) {
        if (rows[r] == null) {
          rows[r] = leftover(r);
        }
      }
      List<ReconciledLine> all = new ArrayList<>(rows.length + expected.length / 50);
      all.addAll(Arrays.asList(rows));
      List<ReconciledLine> missing = new ArrayList<>();
      for (int i = 0; i < expected.length; i++) {
        if (!taken[i]) {
          TransactionLine t = expected[i];
          missing.add(
              new ReconciledLine(
                  month(t.saleDate()),
                  Outcome.NOT_IN_REMITTANCE,
                  null,
                  null,
                  null,
                  t.transactionId().value(),
                  hostSen(t.licenseIds()),
                  t.customer().company(),
                  t.appName() != null ? t.appName() : t.app().value(),
                  null,
                  null,
                  null,
                  t.lineItemId().value(),
                  t.saleDate(),
                  t.purchasePrice().cents(),
                  t.vendorAmount().cents()));
        }
      }
      missing.sort(
          Comparator.comparing(ReconciledLine::apiSaleDate)
              .thenComparing(ReconciledLine::orderId)
              .thenComparing(ReconciledLine::lineItemId));
      all.addAll(missing);
      return new RemittanceReconciliation(List.copyOf(all), period);
    }

    /** A bill or bill credit no transaction line took: a cancelled refund, or not in the API. */
    private ReconciledLine leftover(int r) {
      RemittanceLine line = remitted.get(r).line();
      int[] bucket = byKey.get(line.orderId() + '\u0000' + licenseKey(line.licenseId()));
      if (bucket != null && line.kind() == RemittanceLine.Kind.BILL) {
        for (int i : bucket) {
          TransactionLine t = expected[i];
          if (t.saleType() == SaleType.REFUND
              && t.purchasePrice().equals(line.salePrice().negate())
              && t.vendorAmount().equals(line.netRevenue().negate())) {
            return row(r, Outcome.CANCELLED_REFUND, i, false);
          }
        }
      }
      return row(r, Outcome.NOT_IN_API, -1, false);
    }

    private ReconciledLine row(int r, Outcome outcome, int i, boolean expectedAmounts) {
      Remitted remittedLine = remitted.get(r);
      RemittanceLine line = remittedLine.line();
      TransactionLine t = i < 0 ? null : expected[i];
      return new ReconciledLine(
          month(line.saleDate()),
          outcome,
          remittedLine.source(),
          remittedLine.number(),
          line.saleDate(),
          line.orderId(),
          line.licenseId(),
          line.customerName(),
          line.appName(),
          line.reference(),
          line.salePrice().cents(),
          line.netRevenue().cents(),
          t == null ? null : t.lineItemId().value(),
          t == null ? null : t.saleDate(),
          expectedAmounts ? t.purchasePrice().cents() : null,
          expectedAmounts ? t.vendorAmount().cents() : null);
    }

    private static Outcome remittanceOnly(RemittanceLine.Kind kind) {
      return switch (kind) {
        case ELA_BILL -> Outcome.ELA_BILL;
        case CONCESSION_BILL -> Outcome.CONCESSION_BILL;
        case TEN_K_BILL -> Outcome.TEN_K_BILL;
        default -> throw new IllegalArgumentException(kind + " is not remittance-only");
      };
    }
  }

  /** The id a remittance would name for a transaction line's license: its SEN, else another. */
  static String hostSen(LicenseIds ids) {
    Object[] order = {
      ids.licenseId(),
      ids.appEntitlementNumber(),
      ids.hostLicenseId(),
      ids.addonLicenseId(),
      ids.hostEntitlementNumber(),
      ids.appEntitlementId(),
      ids.cloudId()
    };
    for (Object id : order) {
      if (id != null) {
        return id.toString();
      }
    }
    return null;
  }

  /** Totals of one month and outcome: lines, remitted and expected net revenue, in cents. */
  public record Total(
      YearMonth month,
      Outcome outcome,
      int lines,
      long remittedNetRevenue,
      long expectedNetRevenue) {
    public long difference() {
      return remittedNetRevenue - expectedNetRevenue;
    }
  }

  /**
   * One month: what the remittance pays (net revenue of all its lines) against what the transaction
   * lines lead to expect (their vendor amounts), the variance (remitted − expected), and the lines
   * of each outcome.
   */
  public record MonthSummary(
      YearMonth month,
      int remittanceLines,
      int transactionLines,
      long remitted,
      long expected,
      Map<Outcome, Integer> lines) {
    public long variance() {
      return remitted - expected;
    }

    public int count(Outcome outcome) {
      return lines.getOrDefault(outcome, 0);
    }
  }

  /** The totals per month and outcome, months in order, outcomes in declaration order. */
  public List<Total> totals() {
    Map<YearMonth, Map<Outcome, long[]>> sums = new TreeMap<>();
    for (ReconciledLine l : lines) {
      long[] s =
          sums.computeIfAbsent(l.month(), m -> new EnumMap<>(Outcome.class))
              .computeIfAbsent(l.outcome(), o -> new long[3]);
      s[0]++;
      s[1] += l.remittedNetRevenue() == null ? 0 : l.remittedNetRevenue();
      s[2] += l.expectedNetRevenue() == null ? 0 : l.expectedNetRevenue();
    }
    List<Total> out = new ArrayList<>();
    sums.forEach(
        (m, byOutcome) ->
            byOutcome.forEach((o, s) -> out.add(new Total(m, o, (int) s[0], s[1], s[2]))));
    return out;
  }

  /** One summary per reconciled month (and per month a line falls in outside them), in order. */
  public List<MonthSummary> summaries() {
    Map<YearMonth, long[]> sums = new TreeMap<>();
    Map<YearMonth, Map<Outcome, Integer>> counts = new TreeMap<>();
    for (YearMonth m : months) {
      sums.put(m, new long[4]);
      counts.put(m, new EnumMap<>(Outcome.class));
    }
    for (ReconciledLine l : lines) {
      long[] s = sums.computeIfAbsent(l.month(), m -> new long[4]);
      if (l.remittedNetRevenue() != null) {
        s[0]++;
        s[2] += l.remittedNetRevenue();
      }
      if (l.expectedNetRevenue() != null) {
        s[1]++;
        s[3] += l.expectedNetRevenue();
      }
      counts
          .computeIfAbsent(l.month(), m -> new EnumMap<>(Outcome.class))
          .merge(l.outcome(), 1, Integer::sum);
    }
    List<MonthSummary> out = new ArrayList<>();
    sums.forEach(
        (m, s) ->
            out.add(
                new MonthSummary(
                    m, (int) s[0], (int) s[1], s[2], s[3], Map.copyOf(counts.get(m)))));
    return out;
  }

  /** Sum of the remitted net revenue over every row, in cents. */
  public Money remitted() {
    long sum = 0;
    for (ReconciledLine l : lines) {
      sum += l.remittedNetRevenue() == null ? 0 : l.remittedNetRevenue();
    }
    return Money.ofCents(sum);
  }
}
