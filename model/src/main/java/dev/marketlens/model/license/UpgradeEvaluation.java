package dev.marketlens.model.license;

import dev.marketlens.model.ModelException;
import java.time.LocalDate;

/**
 * The customer's evaluation of a higher app edition (spec §7.3 {@code upgradeEvaluatingEdition},
 * {@code upgradeEvaluationStartDate}; CSV {@code upgradeEvaluationEdition} and the CSV-only {@code
 * upgradeEvaluationEndDate}). Each part is null when absent, but not all three; the end is not
 * before the start.
 */
public record UpgradeEvaluation(String edition, LocalDate startDate, LocalDate endDate) {

  public UpgradeEvaluation {
    edition = edition == null || edition.isBlank() ? null : edition;
    if (edition == null && startDate == null && endDate == null) {
      throw new ModelException(
          "upgradeEvaluation", null, "needs an edition, a start or an end date (absent is null)");
    }
    if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
      throw new ModelException(
          "upgradeEvaluationEndDate", endDate, "is before upgradeEvaluationStartDate " + startDate);
    }
  }
}
