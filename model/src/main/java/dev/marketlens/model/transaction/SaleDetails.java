package dev.marketlens.model.transaction;

import dev.marketlens.model.ModelException;
import dev.marketlens.model.PaymentTerms;
import java.util.Comparator;
import java.util.List;

/**
 * The fields of a transaction line beyond price, tier and period (spec §8.3): the app edition,
 * billing-period changes, refund and credit reasons, payment terms, failed payments, pro-rated
 * additions and the line's account scope. Text keeps the API's values; each component is null when
 * absent, the lists empty.
 *
 * @param appEdition the app's edition, {@code Standard} or {@code Advanced}
 * @param changeInBillingPeriod {@code Yes} or {@code No} (absent on refunds)
 * @param oldBillingPeriod {@code Monthly}, {@code Annual} or {@code Other} (absent on refunds)
 * @param refundReason e.g. {@code REFUND_CANCELLED_PURCHASE}
 * @param creditNoteReason e.g. {@code 30 DAY REFUND REQUEST}
 * @param paymentTerms {@code Net14} or {@code Net30} on invoiced sales
 * @param dunningStatus the failed payment attempts, in the API's order
 * @param proratedDetails the users added during a monthly cycle, sorted by date and then users: the
 *     API's order is not stable (spec §8.3), so two reads of one line compare equal
 * @param cloudComplianceBoundaries e.g. {@code commercial}
 * @param licenseLevel e.g. {@code single-instance}
 */
public record SaleDetails(
    String appEdition,
    String changeInBillingPeriod,
    String oldBillingPeriod,
    String refundReason,
    String creditNoteReason,
    PaymentTerms paymentTerms,
    List<DunningAttempt> dunningStatus,
    List<ProratedDetail> proratedDetails,
    List<String> cloudComplianceBoundaries,
    String licenseLevel) {

  private static final SaleDetails NONE =
      new SaleDetails(null, null, null, null, null, null, null, null, null, null);

  public SaleDetails {
    appEdition = blankToNull(appEdition);
    changeInBillingPeriod = blankToNull(changeInBillingPeriod);
    oldBillingPeriod = blankToNull(oldBillingPeriod);
    refundReason = blankToNull(refundReason);
    creditNoteReason = blankToNull(creditNoteReason);
    licenseLevel = blankToNull(licenseLevel);
    dunningStatus = copy("dunningStatus[]", dunningStatus);
    proratedDetails = sorted(copy("proratedDetails[]", proratedDetails));
    cloudComplianceBoundaries = copy("cloudComplianceBoundaries[]", cloudComplianceBoundaries);
    for (String boundary : cloudComplianceBoundaries) {
      if (boundary.isBlank()) {
        throw new ModelException(
            "cloudComplianceBoundaries[]", boundary, "is empty (expected e.g. commercial)");
      }
    }
  }

  /** A line with none of these fields. */
  public static SaleDetails none() {
    return NONE;
  }

  /** The API's order of {@code proratedDetails} is not stable (spec §8.3): held by date, users. */
  private static List<ProratedDetail> sorted(List<ProratedDetail> details) {
    if (details.size() < 2) {
      return details;
    }
    return details.stream()
        .sorted(
            Comparator.comparing(ProratedDetail::date).thenComparingInt(ProratedDetail::addedUsers))
        .toList();
  }

  private static <T> List<T> copy(String field, List<T> list) {
    if (list == null) {
      return List.of();
    }
    for (T element : list) {
      ModelException.required(field, element);
    }
    return List.copyOf(list);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
