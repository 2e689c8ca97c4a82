package dev.marketlens.payouts.monthly;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The next payouts from what is already sold and not yet paid on the as-of day: each payable month
 * whose payment day is still ahead (due), the month in progress when its balance has reached $500
 * already (expected, unless refunds take it below), and the balance still below $500 with how much
 * is missing (below threshold).
 */
public final class PayoutForecast {

  /**
   * One coming payout, or the balance waiting for the threshold.
   *
   * @param month the month whose balance is paid (the sale month that reached $500)
   * @param status {@code due}, {@code expected} or {@code below threshold}
   * @param shortfallCents below threshold: what the balance lacks to reach $500; else null
   */
  public record Payment(
      YearMonth month,
      long amountCents,
      String status,
      LocalDate paymentWindowStart,
      LocalDate paymentWindowEnd,
      LocalDate expectedPaymentDate,
      Long shortfallCents) {}

  private PayoutForecast() {}

  /** The coming payouts of a ledger run for {@code asOf} ({@link PayoutLedger#of}). */
  public static List<Payment> of(List<PayoutMonth> ledger) {
    List<Payment> out = new ArrayList<>();
    for (PayoutMonth m : ledger) {
      if (m.status() == PayoutMonth.Status.DUE) {
        out.add(payment(m, "due"));
      }
    }
    if (!ledger.isEmpty()) {
      PayoutMonth last = ledger.get(ledger.size() - 1);
      if (last.status() == PayoutMonth.Status.OPEN && last.payable()) {
        out.add(payment(last, "expected"));
      } else if (!last.payable()) {
        out.add(
            new Payment(
                last.month(),
                last.balanceCents(),
                "below threshold",
                null,
                null,
                null,
                PayoutLedger.THRESHOLD_CENTS - last.balanceCents()));
      }
    }
    return out;
  }

  private static Payment payment(PayoutMonth m, String status) {
    return new Payment(
        m.month(),
        m.paidCents(),
        status,
        m.paymentWindowStart(),
        m.paymentWindowEnd(),
        m.expectedPaymentDate(),
        null);
  }
}
