package dev.marketlens.model.remittance;

import static dev.marketlens.model.ModelException.required;

import dev.marketlens.model.ModelException;
import dev.marketlens.model.Money;
import java.time.LocalDate;

/**
 * One line of the remittance CSV that Accounts Payable sends with the monthly remittance report
 * (seed 004, SR-M4, SR-M8): {@code Sale Date}, {@code Order ID}, {@code License ID (Host SEN)},
 * {@code Customer Name}, {@code App Name}, {@code Sale Price}, {@code Net Revenue}, {@code
 * Reference #}.
 *
 * <p>The reference says what the line is ({@link Kind}, SR-M5). Lines of the summarised bill and
 * bill credit name a license; the remittance-only bills (ELA, concession, 10k) may not, so {@code
 * licenseId} is null for them when the CSV leaves it empty. {@code customerName} is null when
 * empty.
 *
 * <p>Invariants: every other component is required and not blank; a bill line is a sale (sale price
 * and net revenue not negative), a bill-credit line a refund (both not positive), and on both the
 * net revenue is at most the sale price in size, since the partner's share is at most 100 %.
 */
public record RemittanceLine(
    LocalDate saleDate,
    String orderId,
    String licenseId,
    String customerName,
    String appName,
    Money salePrice,
    Money netRevenue,
    String reference) {

  /** What a remittance line is, told by its reference number (seed 004, SR-M5). */
  public enum Kind {
    /** {@code MPV…}: the summarised bill of the month's sales. */
    BILL,
    /** {@code MPVCR…}: the summarised bill credit of the month's refunds. */
    BILL_CREDIT,
    /** {@code AT…}: an ELA bill, a redemption of prepaid ELA credit; remittance only (SR-M6). */
    ELA_BILL,
    /** {@code AT…A}: a concession bill, $0 to the customer, paid to the partner (SR-M6). */
    CONCESSION_BILL,
    /** {@code ATL…A}: a 10k-user license bill; remittance only (SR-M7). */
    TEN_K_BILL;

    /** The kind of {@code reference}, or a {@link ModelException} if it has none of the forms. */
    public static Kind of(String reference) {
      String text = required("reference", reference).strip();
      String upper = text.toUpperCase(java.util.Locale.ROOT);
      if (upper.startsWith("MPVCR") && upper.length() > 5) {
        return BILL_CREDIT;
      }
      if (upper.startsWith("MPV") && upper.length() > 3) {
        return BILL;
      }
      if (upper.startsWith("ATL") && upper.endsWith("A") && upper.length() > 4) {
        return TEN_K_BILL;
      }
      if (upper.startsWith("AT") && upper.length() > 2) {
        return upper.endsWith("A") && upper.length() > 3 ? CONCESSION_BILL : ELA_BILL;
      }
      throw new ModelException(
          "reference",
          reference,
          "is not a remittance reference (expected MPV…, MPVCR…, AT…, AT…A or ATL…A)");
    }

    /** Whether lines of this kind appear only in the remittance, never in the reporting API. */
    public boolean remittanceOnly() {
      return this == ELA_BILL || this == CONCESSION_BILL || this == TEN_K_BILL;
    }
  }

  public RemittanceLine {
    required("saleDate", saleDate);
    orderId = requiredText("orderId", orderId);
    licenseId = blankToNull(licenseId);
    customerName = blankToNull(customerName);
    appName = requiredText("appName", appName);
    required("salePrice", salePrice);
    required("netRevenue", netRevenue);
    reference = requiredText("reference", reference);
    Kind kind = Kind.of(reference);
    if (licenseId == null && !kind.remittanceOnly()) {
      throw new ModelException(
          "licenseId",
          null,
          "is required on a "
              + (kind == Kind.BILL ? "bill" : "bill-credit")
              + " line (only ELA, concession and 10k bills may have no Host SEN)");
    }
    if (kind == Kind.BILL) {
      notNegative("salePrice", salePrice, "on a bill line (a sale)");
      notNegative("netRevenue", netRevenue, "on a bill line (a sale)");
      if (netRevenue.compareTo(salePrice) > 0) {
        throw new ModelException(
            "netRevenue",
            netRevenue,
            "is more than the sale price " + salePrice + " (the partner's share is at most 100 %)");
      }
    } else if (kind == Kind.BILL_CREDIT) {
      notPositive("salePrice", salePrice);
      notPositive("netRevenue", netRevenue);
      if (netRevenue.compareTo(salePrice) < 0) {
        throw new ModelException(
            "netRevenue",
            netRevenue,
            "is more than the sale price "
                + salePrice
                + " in size (the partner's share is at most 100 %)");
      }
    }
  }

  /** What this line is, from its reference. */
  public Kind kind() {
    return Kind.of(reference);
  }

  private static String requiredText(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new ModelException(field, text, "is required");
    }
    return text.strip();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static void notNegative(String field, Money amount, String where) {
    if (amount.isNegative()) {
      throw new ModelException(field, amount, "must not be negative " + where);
    }
  }

  private static void notPositive(String field, Money amount) {
    if (amount.isPositive()) {
      throw new ModelException(
          field, amount, "must not be positive on a bill-credit line (a refund)");
    }
  }
}
