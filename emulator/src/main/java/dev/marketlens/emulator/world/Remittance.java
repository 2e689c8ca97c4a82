package dev.marketlens.emulator.world;

import dev.marketlens.emulator.commerce.App;
import dev.marketlens.emulator.commerce.RevenueShare;
import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.wire.Discount;
import dev.marketlens.emulator.wire.DiscountType;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.LicenseIds;
import dev.marketlens.emulator.wire.PurchaseDetails;
import dev.marketlens.emulator.wire.RemittanceRow;
import dev.marketlens.emulator.wire.SaleType;
import dev.marketlens.emulator.wire.Transaction;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The monthly remittance CSVs a vendor's world implies (seed 004, SR-M4…M9), one per month from the
 * world's start to its clock, and what they hold beyond the reporting API.
 *
 * <p>Every transaction line with money is a line of its sale month: sales in the summarised bill
 * ({@code MPV…}), refunds in the summarised bill credit ({@code MPVCR…}), with the line's order id,
 * Host SEN (its SEN, else its entitlement number), customer, app, purchase price and vendor amount.
 * $0 lines are not remitted, except concessions: a $0 line whose full discount is a customer
 * advocate's ({@code MANUAL}, not dual licensing) is paid to the partner as a concession bill
 * ({@code AT…A}, sale price 0, net revenue the share of the list price; SR-M6, SR-Z7). At low
 * rates, drawn from the seed: ELA bills ({@code AT…}, a redemption of prepaid ELA credit, sale
 * price 0), and 10k bills ({@code ATL…A}, a 10k-user license beside a server or Data Center sale;
 * SR-M7).
 *
 * <p>With {@code mismatches}, realistic differences are injected and recorded in {@link
 * #mismatches()}: a line missing from the remittance, a changed net revenue, and a cancelled refund
 * (an {@code MPV…} adjustment that reverses a refund after the portal's sync, SR-M9). At least one
 * of each is injected when the world has a line to inject it on.
 *
 * <p>Pure: the same world, vendor and switch always give the same lines.
 */
public final class Remittance {

  /** ELA bills per line with money: 0.2 %. */
  static final int ELA_PPM = 2_000;

  /** 10k bills per server or Data Center sale: 0.5 %. */
  static final int TEN_K_PPM = 5_000;

  /** Lines left out of the remittance when mismatches are on: 0.3 %. */
  static final int MISSING_PPM = 3_000;

  /** Lines whose net revenue is changed when mismatches are on: 0.3 %. */
  static final int CHANGED_PPM = 3_000;

  /** Refunds cancelled after the portal's sync when mismatches are on: 5 %. */
  static final int CANCELLED_REFUND_PPM = 50_000;

  /** What an injected mismatch is. */
  public enum MismatchKind {
    /** An API line the remittance leaves out. */
    MISSING_LINE,
    /** An API line whose net revenue the remittance changes. */
    CHANGED_AMOUNT,
    /** An {@code MPV…} adjustment reversing a refund that was cancelled after the sync. */
    CANCELLED_REFUND
  }

  /**
   * One injected mismatch. {@code remitted*} are null for a missing line; for a cancelled refund
   * {@code expected*} are the refund's amounts and {@code remitted*} the adjustment's.
   */
  public record Mismatch(
      MismatchKind kind,
      YearMonth month,
      LocalDate saleDate,
      String orderId,
      String licenseId,
      String lineItemId,
      long expectedSalePriceCents,
      long expectedNetRevenueCents,
      Long remittedSalePriceCents,
      Long remittedNetRevenueCents) {}

  private final SortedMap<YearMonth, List<RemittanceRow>> months;
  private final List<Mismatch> mismatches;
  private final List<RemittanceRow> remittanceOnly;

  private Remittance(
      SortedMap<YearMonth, List<RemittanceRow>> months,
      List<Mismatch> mismatches,
      List<RemittanceRow> remittanceOnly) {
    this.months = months;
    this.mismatches = mismatches;
    this.remittanceOnly = remittanceOnly;
  }

  /** The lines of each month, every month of the world (empty months too), in file order. */
  public SortedMap<YearMonth, List<RemittanceRow>> months() {
    return Collections.unmodifiableSortedMap(months);
  }

  /** The injected mismatches, in the order they were injected (none unless switched on). */
  public List<Mismatch> mismatches() {
    return mismatches;
  }

  /** The ELA, concession and 10k bills: lines the reporting API never shows (SR-M6, SR-M7). */
  public List<RemittanceRow> remittanceOnly() {
    return remittanceOnly;
  }

  /** The remittance of {@code vendor} in {@code world}, with mismatches injected or not. */
  public static Remittance of(World world, Vendor vendor, boolean mismatches) {
    return new Builder(world, vendor, mismatches).build();
  }

  /** The Host SEN a remittance names for a line: its SEN, else an entitlement number or id. */
  static String hostSen(LicenseIds ids) {
    if (ids == null) {
      return null;
    }
    for (String id :
        new String[] {
          ids.licenseId(), ids.appEntitlementNumber(), ids.hostLicenseId(), ids.addonLicenseId()
        }) {
      if (id != null && !id.isBlank()) {
        return id;
      }
    }
    return null;
  }

  private static final class Builder {
    private final World world;
    private final Vendor vendor;
    private final boolean inject;
    private final Rng rng;

    /** The injections' own stream, so the switch changes nothing else in the remittance. */
    private final Rng faults;

    private final Map<String, App> apps = new HashMap<>();
    private final int vendorIndex;
    private final RevenueShare share = RevenueShare.defaults();
    private final SortedMap<YearMonth, List<RemittanceRow>> months = new TreeMap<>();
    private final List<Mismatch> mismatches = new ArrayList<>();
    private final List<RemittanceRow> remittanceOnly = new ArrayList<>();
    private final Set<MismatchKind> injected = new HashSet<>();
    private long billNumber;

    Builder(World world, Vendor vendor, boolean inject) {
      this.world = world;
      this.vendor = vendor;
      this.inject = inject;
      this.vendorIndex = world.vendors().indexOf(vendor);
      this.rng = new Rng(Rng.hash(world.spec().seed(), 0x52454d4954L, vendor.vendorId()));
      this.faults = new Rng(Rng.hash(world.spec().seed(), 0x4641554c54L, vendor.vendorId()));
      for (App a : vendor.apps()) {
        apps.put(a.addonKey(), a);
      }
      this.billNumber = 1_000_000L + vendorIndex * 100_000_000L;
    }

    Remittance build() {
      YearMonth first = YearMonth.from(world.spec().from());
      YearMonth last = YearMonth.from(world.clock());
      for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
        months.put(m, new ArrayList<>());
      }
      boolean wholeWorld = world.vendors().size() == 1;
      List<Transaction> lines = new ArrayList<>();
      for (Transaction t : world.transactions()) {
        if (wholeWorld || apps.containsKey(t.addonKey())) {
          lines.add(t);
        }
      }
      List<Transaction> candidates = new ArrayList<>();
      List<Transaction> refunds = new ArrayList<>();
      for (Transaction t : lines) {
        PurchaseDetails p = t.purchaseDetails();
        if (p.purchasePriceCents() == 0 && p.vendorAmountCents() == 0) {
          concession(t);
          continue;
        }
        boolean refund = p.saleType() == SaleType.REFUND;
        if (refund) {
          refunds.add(t);
        } else {
          candidates.add(t);
        }
        if (inject && !refund && faults.chance(MISSING_PPM)) {
          missing(t);
        } else if (inject && !refund && faults.chance(CHANGED_PPM)) {
          changed(t);
        } else if (inject && refund && faults.chance(CANCELLED_REFUND_PPM)) {
          add(t, row(t, p.purchasePriceCents(), p.vendorAmountCents()));
          cancelledRefund(t);
        } else {
          add(t, row(t, p.purchasePriceCents(), p.vendorAmountCents()));
        }
        if (rng.chance(ELA_PPM)) {
          ela(t);
        }
        if (!refund && p.hosting() != Hosting.CLOUD && rng.chance(TEN_K_PPM)) {
          tenK(t);
        }
      }
      if (inject) {
        atLeastOne(candidates, refunds);
      }
      Comparator<RemittanceRow> order =
          Comparator.comparing(RemittanceRow::saleDate)
              .thenComparing(RemittanceRow::reference)
              .thenComparing(RemittanceRow::orderId)
              .thenComparing(r -> r.licenseId() == null ? "" : r.licenseId());
      for (List<RemittanceRow> rows : months.values()) {
        rows.sort(order);
      }
      return new Remittance(months, List.copyOf(mismatches), List.copyOf(remittanceOnly));
    }

    /** Forces each kind of mismatch once when the draws left it out and a line allows it. */
    private void atLeastOne(List<Transaction> sales, List<Transaction> refunds) {
      Set<String> touched = new HashSet<>();
      for (Mismatch m : mismatches) {
        touched.add(m.lineItemId());
      }
      if (!injected.contains(MismatchKind.MISSING_LINE)) {
        Transaction t = untouched(sales, touched, sales.size() / 3);
        if (t != null && remove(t)) {
          touched.add(t.transactionLineItemId());
          missing(t);
        }
      }
      if (!injected.contains(MismatchKind.CHANGED_AMOUNT)) {
        Transaction t = untouched(sales, touched, 2 * sales.size() / 3);
        if (t != null && t.purchaseDetails().vendorAmountCents() > 0 && remove(t)) {
          touched.add(t.transactionLineItemId());
          changed(t);
        }
      }
      if (!injected.contains(MismatchKind.CANCELLED_REFUND)) {
        Transaction t = untouched(refunds, touched, refunds.size() / 2);
        if (t != null) {
          cancelledRefund(t);
        }
      }
    }

    private static Transaction untouched(List<Transaction> lines, Set<String> touched, int from) {
      for (int k = 0; k < lines.size(); k++) {
        Transaction t = lines.get((from + k) % lines.size());
        if (!touched.contains(t.transactionLineItemId())) {
          return t;
        }
      }
      return null;
    }

    /** Removes the bill line of {@code t} (added earlier); false when it is not there. */
    private boolean remove(Transaction t) {
      List<RemittanceRow> rows = months.get(month(t.purchaseDetails().saleDate()));
      PurchaseDetails p = t.purchaseDetails();
      for (int i = rows.size() - 1; i >= 0; i--) {
        RemittanceRow r = rows.get(i);
        if (r.orderId().equals(t.transactionId())
            && r.reference().startsWith("MPV")
            && java.util.Objects.equals(r.licenseId(), hostSen(t.ids()))
            && r.salePriceCents() == p.purchasePriceCents()
            && r.netRevenueCents() == p.vendorAmountCents()) {
          rows.remove(i);
          return true;
        }
      }
      return false;
    }

    private void missing(Transaction t) {
      PurchaseDetails p = t.purchaseDetails();
      injected.add(MismatchKind.MISSING_LINE);
      mismatches.add(
          new Mismatch(
              MismatchKind.MISSING_LINE,
              month(p.saleDate()),
              p.saleDate(),
              t.transactionId(),
              hostSen(t.ids()),
              t.transactionLineItemId(),
              p.purchasePriceCents(),
              p.vendorAmountCents(),
              null,
              null));
    }

    private void changed(Transaction t) {
      PurchaseDetails p = t.purchaseDetails();
      long net = p.vendorAmountCents();
      if (net <= 0) {
        add(t, row(t, p.purchasePriceCents(), net));
        return;
      }
      long changedNet = net - faults.between(1, (int) Math.min(net, 5_000));
      injected.add(MismatchKind.CHANGED_AMOUNT);
      add(t, row(t, p.purchasePriceCents(), changedNet));
      mismatches.add(
          new Mismatch(
              MismatchKind.CHANGED_AMOUNT,
              month(p.saleDate()),
              p.saleDate(),
              t.transactionId(),
              hostSen(t.ids()),
              t.transactionLineItemId(),
              p.purchasePriceCents(),
              net,
              p.purchasePriceCents(),
              changedNet));
    }

    private void cancelledRefund(Transaction t) {
      PurchaseDetails p = t.purchaseDetails();
      LocalDate day = p.saleDate().plusDays(faults.between(1, 20));
      if (day.isAfter(world.clock())) {
        day = world.clock();
      }
      RemittanceRow adjustment =
          new RemittanceRow(
              day,
              t.transactionId(),
              hostSen(t.ids()),
              customer(t),
              t.addonName(),
              -p.purchasePriceCents(),
              -p.vendorAmountCents(),
              "MPV" + monthNumber(month(day)));
      months.get(month(day)).add(adjustment);
      injected.add(MismatchKind.CANCELLED_REFUND);
      mismatches.add(
          new Mismatch(
              MismatchKind.CANCELLED_REFUND,
              month(day),
              day,
              t.transactionId(),
              hostSen(t.ids()),
              t.transactionLineItemId(),
              p.purchasePriceCents(),
              p.vendorAmountCents(),
              -p.purchasePriceCents(),
              -p.vendorAmountCents()));
    }

    /** A concession bill for a $0 line fully discounted by a customer advocate. */
    private void concession(Transaction t) {
      PurchaseDetails p = t.purchaseDetails();
      long list = 0;
      boolean manual = false;
      for (Discount d : p.discounts()) {
        list += d.amountCents();
        manual |= d.type() == DiscountType.MANUAL && !"DUAL_LICENSING".equals(d.reason());
      }
      App app = apps.get(t.addonKey());
      if (!manual || list <= 0 || app == null) {
        return;
      }
      long net =
          RevenueShare.vendorAmountCents(list, share.basisPoints(app, p.hosting(), p.saleDate()));
      String number = digits(t.transactionId());
      remittanceOnly(
          t,
          new RemittanceRow(
              p.saleDate(),
              "AT" + number,
              hostSen(t.ids()),
              customer(t),
              t.addonName(),
              0,
              net,
              "AT" + number + "A"));
    }

    private void ela(Transaction t) {
      PurchaseDetails p = t.purchaseDetails();
      long net = Math.abs(p.vendorAmountCents());
      if (net == 0) {
        return;
      }
      String number = "7" + (billNumber++);
      remittanceOnly(
          t,
          new RemittanceRow(
              p.saleDate(),
              "AT" + number,
              null,
              customer(t),
              t.addonName(),
              0,
              net,
              "AT" + number));
    }

    private void tenK(Transaction t) {
      PurchaseDetails p = t.purchaseDetails();
      long price = p.purchasePriceCents() * 4;
      if (price <= 0) {
        return;
      }
      // Four times the line it comes with, at the same share.
      long net = p.vendorAmountCents() * 4;
      String number = "L" + (billNumber++);
      remittanceOnly(
          t,
          new RemittanceRow(
              p.saleDate(),
              "AT" + number,
              hostSen(t.ids()),
              customer(t),
              t.addonName(),
              price,
              net,
              "AT" + number + "A"));
    }

    private void remittanceOnly(Transaction t, RemittanceRow row) {
      months.get(month(row.saleDate())).add(row);
      remittanceOnly.add(row);
    }

    private void add(Transaction t, RemittanceRow row) {
      months.get(month(row.saleDate())).add(row);
    }

    private RemittanceRow row(Transaction t, long sale, long net) {
      PurchaseDetails p = t.purchaseDetails();
      String prefix = p.saleType() == SaleType.REFUND ? "MPVCR" : "MPV";
      return new RemittanceRow(
          p.saleDate(),
          t.transactionId(),
          hostSen(t.ids()),
          customer(t),
          t.addonName(),
          sale,
          net,
          prefix + monthNumber(month(p.saleDate())));
    }

    /** The summarised bill's number of a month: {@code YYYYMM} and the vendor's place. */
    private String monthNumber(YearMonth m) {
      return String.format(
          java.util.Locale.ROOT, "%04d%02d%02d", m.getYear(), m.getMonthValue(), vendorIndex);
    }

    private static String customer(Transaction t) {
      return t.customerDetails() == null ? null : t.customerDetails().company();
    }

    private static String digits(String id) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < id.length(); i++) {
        char c = id.charAt(i);
        if (c >= '0' && c <= '9') {
          sb.append(c);
        }
      }
      return sb.toString();
    }
  }

  private static YearMonth month(LocalDate day) {
    return YearMonth.of(day.getYear(), day.getMonthValue());
  }
}
