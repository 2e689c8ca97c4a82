package dev.marketlens.payouts.monthly;

import dev.marketlens.model.Money;
import dev.marketlens.model.transaction.TransactionLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SR-V4: each line's expected vendor amount — its purchase price times the share the schedule gives
 * it, rounded half away from zero to the cent — compared with the vendor amount the line carries.
 */
public final class ShareCheck {

  /**
   * A line whose vendor amount is not the expected share of its purchase price, or that no period
   * of the schedule covers.
   *
   * @param rate null when no period covers the sale date
   * @param expectedCents null when no period covers the sale date
   */
  public record Difference(TransactionLine line, ShareRate rate, Long expectedCents) {

    public long differenceCents() {
      return expectedCents == null ? 0 : line.vendorAmount().cents() - expectedCents;
    }

    /** The line's own share, vendor amount ÷ purchase price, to four decimals; null for $0. */
    public BigDecimal actualShare() {
      long price = line.purchasePrice().cents();
      return price == 0
          ? null
          : BigDecimal.valueOf(line.vendorAmount().cents())
              .divide(BigDecimal.valueOf(price), 4, RoundingMode.HALF_UP);
    }

    /** The expected share as a decimal (0.85); null when no period covers the line. */
    public BigDecimal expectedShare() {
      return rate == null ? null : BigDecimal.valueOf(rate.basisPoints(), 4);
    }

    /**
     * The arithmetic: {@code 40.00 × 85.00 % = 34.00 (SR-V1 Cloud …); vendor amount 32.00, -2.00}.
     */
    public String arithmetic() {
      if (rate == null) {
        return "no revenue-share period covers " + line.saleDate();
      }
      return line.purchasePrice()
          + " × "
          + BigDecimal.valueOf(rate.basisPoints(), 2).toPlainString()
          + " % = "
          + Money.ofCents(expectedCents)
          + " ("
          + rate.explanation()
          + "); vendor amount "
          + line.vendorAmount()
          + ", "
          + (differenceCents() > 0 ? "+" : "")
          + Money.ofCents(differenceCents());
    }
  }

  /** The totals of a check. */
  public record Summary(int lines, int matching, int differing, int uncovered) {}

  private final RevenueShare share;

  public ShareCheck(RevenueShare share) {
    this.share = share;
  }

  /** The expected vendor amount of a line, in cents; empty when no period covers its sale. */
  public Optional<Long> expectedCents(TransactionLine line) {
    return share
        .rate(line)
        .map(r -> RevenueShare.vendorAmountCents(line.purchasePrice().cents(), r.basisPoints()));
  }

  /** The lines whose vendor amount differs from the expected share, in the order given. */
  public List<Difference> differences(List<TransactionLine> lines) {
    List<Difference> out = new ArrayList<>();
    for (TransactionLine line : lines) {
      int bps = share.basisPoints(line);
      if (bps < 0) {
        out.add(new Difference(line, null, null));
        continue;
      }
      long expected = RevenueShare.vendorAmountCents(line.purchasePrice().cents(), bps);
      if (expected != line.vendorAmount().cents()) {
        out.add(new Difference(line, share.rate(line).orElseThrow(), expected));
      }
    }
    return out;
  }

  /** How many lines were checked, matched, differed, and had no period. */
  public static Summary summary(int lines, List<Difference> differences) {
    int uncovered = (int) differences.stream().filter(d -> d.rate() == null).count();
    return new Summary(
        lines, lines - differences.size(), differences.size() - uncovered, uncovered);
  }
}
