package dev.marketlens.model.transaction;

import dev.marketlens.model.ModelException;
import java.time.LocalDate;

/**
 * One entry of {@code purchaseDetails.proratedDetails[]} (spec §8.3): users added on a day of a
 * cloud monthly billing cycle, billed pro rata.
 */
public record ProratedDetail(int addedUsers, LocalDate date) {

  public ProratedDetail {
    ModelException.required("proratedDetails[].date", date);
  }
}
