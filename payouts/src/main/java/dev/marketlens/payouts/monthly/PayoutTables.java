package dev.marketlens.payouts.monthly;

import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.metrics.report.ReportTable.Column;
import dev.marketlens.metrics.report.ReportTable.Type;
import dev.marketlens.model.transaction.TransactionLine;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The payout reports as tables, one row per account and month (ledger), coming payout (forecast) or
 * differing line (share check): what the command line prints and the REST API returns. Accounts are
 * given by name with their transaction lines, in the order to report them.
 */
public final class PayoutTables {

  public static final List<Column> LEDGER =
      List.of(
          text("account"),
          text("month"),
          money("sales"),
          money("refunds"),
          money("net"),
          count("salesLines"),
          count("refundLines"),
          money("carriedIn"),
          money("balance"),
          money("paid"),
          money("carriedOut"),
          text("status"),
          text("paymentWindowStart"),
          text("paymentWindowEnd"),
          text("expectedPaymentDate"));

  public static final List<Column> FORECAST =
      List.of(
          text("account"),
          text("month"),
          money("amount"),
          text("status"),
          text("paymentWindowStart"),
          text("paymentWindowEnd"),
          text("expectedPaymentDate"),
          money("shortfall"));

  public static final List<Column> SHARE_CHECK =
      List.of(
          text("account"),
          text("transactionLineItemId"),
          text("transactionId"),
          text("app"),
          text("saleDate"),
          text("saleType"),
          text("hosting"),
          text("hostProduct"),
          text("hostProductSource"),
          text("rule"),
          text("period"),
          money("purchasePrice"),
          money("vendorAmount"),
          new Column("expectedShare", Type.RATE),
          money("expectedVendorAmount"),
          money("difference"),
          new Column("actualShare", Type.RATE),
          text("arithmetic"));

  private PayoutTables() {}

  /** The ledger of each account as of {@code asOf}, the months {@code from}–{@code to} shown. */
  public static ReportTable ledger(
      Map<String, List<TransactionLine>> accounts, LocalDate asOf, YearMonth from, YearMonth to) {
    List<Object[]> rows = new ArrayList<>();
    accounts.forEach(
        (name, lines) -> {
          for (PayoutMonth m : PayoutLedger.of(lines, asOf)) {
            if (m.month().isBefore(from) || m.month().isAfter(to)) {
              continue;
            }
            rows.add(
                new Object[] {
                  name,
                  m.month(),
                  m.salesCents(),
                  m.refundsCents(),
                  m.netCents(),
                  m.salesLines(),
                  m.refundLines(),
                  m.carriedInCents(),
                  m.balanceCents(),
                  m.paidCents(),
                  m.carriedOutCents(),
                  m.status().label(),
                  m.paymentWindowStart(),
                  m.paymentWindowEnd(),
                  m.expectedPaymentDate()
                });
          }
        });
    return ReportTable.of(LEDGER, rows);
  }

  /** Each account's coming payouts from what is sold up to {@code asOf}. */
  public static ReportTable forecast(Map<String, List<TransactionLine>> accounts, LocalDate asOf) {
    List<Object[]> rows = new ArrayList<>();
    accounts.forEach(
        (name, lines) -> {
          for (PayoutForecast.Payment p : PayoutForecast.of(PayoutLedger.of(lines, asOf))) {
            rows.add(
                new Object[] {
                  name,
                  p.month(),
                  p.amountCents(),
                  p.status(),
                  p.paymentWindowStart(),
                  p.paymentWindowEnd(),
                  p.expectedPaymentDate(),
                  p.shortfallCents()
                });
          }
        });
    return ReportTable.of(FORECAST, rows);
  }

  /**
   * The lines sold in {@code from}–{@code to} (up to {@code asOf}) whose vendor amount is not the
   * expected share of their purchase price, with the arithmetic.
   */
  public static ReportTable shareCheck(
      Map<String, List<TransactionLine>> accounts,
      RevenueShare share,
      LocalDate asOf,
      YearMonth from,
      YearMonth to) {
    ShareCheck check = new ShareCheck(share);
    List<Object[]> rows = new ArrayList<>();
    accounts.forEach(
        (name, lines) -> {
          List<TransactionLine> sold = sold(lines, asOf, from, to);
          sold.sort(
              java.util.Comparator.comparing(TransactionLine::saleDate)
                  .thenComparing(t -> t.lineItemId().value()));
          for (ShareCheck.Difference d : check.differences(sold)) {
            TransactionLine t = d.line();
            ShareRate r = d.rate();
            rows.add(
                new Object[] {
                  name,
                  t.lineItemId().value(),
                  t.transactionId().value(),
                  t.app().value(),
                  t.saleDate(),
                  t.saleType() == null ? null : t.saleType().wire(),
                  t.hosting().wire(),
                  r == null ? null : r.product().label(),
                  r == null ? null : r.productSource(),
                  r == null ? null : r.rule(),
                  r == null ? null : r.period().label(),
                  t.purchasePrice().cents(),
                  t.vendorAmount().cents(),
                  d.expectedShare(),
                  d.expectedCents(),
                  r == null ? null : d.differenceCents(),
                  d.actualShare(),
                  d.arithmetic()
                });
          }
        });
    return ReportTable.of(SHARE_CHECK, rows);
  }

  /** How many lines of {@code from}–{@code to} the share check looked at, and how they fared. */
  public static ShareCheck.Summary shareSummary(
      Map<String, List<TransactionLine>> accounts,
      RevenueShare share,
      LocalDate asOf,
      YearMonth from,
      YearMonth to) {
    ShareCheck check = new ShareCheck(share);
    int lines = 0;
    List<ShareCheck.Difference> all = new ArrayList<>();
    for (List<TransactionLine> l : accounts.values()) {
      List<TransactionLine> sold = sold(l, asOf, from, to);
      lines += sold.size();
      all.addAll(check.differences(sold));
    }
    return ShareCheck.summary(lines, all);
  }

  private static List<TransactionLine> sold(
      List<TransactionLine> lines, LocalDate asOf, YearMonth from, YearMonth to) {
    List<TransactionLine> out = new ArrayList<>();
    for (TransactionLine t : lines) {
      LocalDate d = t.saleDate();
      YearMonth m = YearMonth.of(d.getYear(), d.getMonthValue());
      if (!t.saleDate().isAfter(asOf) && !m.isBefore(from) && !m.isAfter(to)) {
        out.add(t);
      }
    }
    return out;
  }

  private static Column text(String name) {
    return new Column(name, Type.TEXT);
  }

  private static Column money(String name) {
    return new Column(name, Type.MONEY);
  }

  private static Column count(String name) {
    return new Column(name, Type.COUNT);
  }
}
