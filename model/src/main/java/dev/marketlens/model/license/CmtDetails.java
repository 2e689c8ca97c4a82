package dev.marketlens.model.license;

import dev.marketlens.model.ModelException;

/**
 * A cloud migration trial linked to an on-premise license (spec §7.3 {@code cmtDetails}): its
 * {@code status} ({@code active}, {@code converted}, {@code non-converted}) and the on-premise
 * license it belongs to; each is null when absent, but not both.
 */
public record CmtDetails(String status, String relatedOnPremLicense) {

  public CmtDetails {
    status = blankToNull(status);
    relatedOnPremLicense = blankToNull(relatedOnPremLicense);
    if (status == null && relatedOnPremLicense == null) {
      throw new ModelException(
          "cmtDetails", null, "needs a status or a relatedOnPremLicense (absent is null)");
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
