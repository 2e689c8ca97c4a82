package dev.marketlens.model.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.model.ModelException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LicenseDetailsTest {

  @Test
  @DisplayName("spec §7.3 cmtDetails: status or related on-prem license; both absent is no details")
  void cmtDetails() {
    CmtDetails cmt = new CmtDetails("converted", "SEN-12345");
    assertThat(cmt.status()).isEqualTo("converted");
    assertThat(new CmtDetails("active", " ").relatedOnPremLicense()).isNull();
    assertThatThrownBy(() -> new CmtDetails(" ", null))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("cmtDetails");
  }

  @Test
  @DisplayName("spec §7.3 upgrade evaluation: edition, start and end; the end not before the start")
  void upgradeEvaluation() {
    LocalDate start = LocalDate.of(2025, 3, 1);
    UpgradeEvaluation evaluation = new UpgradeEvaluation("Advanced", start, start.plusDays(30));
    assertThat(evaluation.endDate()).isEqualTo(LocalDate.of(2025, 3, 31));
    assertThat(new UpgradeEvaluation(null, start, null).edition()).isNull();
    assertThatThrownBy(() -> new UpgradeEvaluation("Advanced", start, start.minusDays(1)))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("upgradeEvaluationEndDate: \"2025-02-28\" is before");
    assertThatThrownBy(() -> new UpgradeEvaluation(" ", null, null))
        .isInstanceOf(ModelException.class);
  }

  @Test
  @DisplayName("blank text is absent, boundaries are copied and never null")
  void absentAndCopied() {
    List<String> boundaries = new java.util.ArrayList<>(List.of("commercial"));
    LicenseDetails details =
        new LicenseDetails(
            null,
            null,
            "No",
            " ",
            null,
            "Yes",
            "",
            null,
            null,
            null,
            null,
            boundaries,
            null,
            null,
            null);
    boundaries.add("fedramp_moderate");

    assertThat(details.extendedServerSupport()).isEqualTo("No");
    assertThat(details.licenseSourceType()).isNull();
    assertThat(details.inGracePeriod()).isNull();
    assertThat(details.cloudComplianceBoundaries()).containsExactly("commercial");
    assertThat(LicenseDetails.none().cloudComplianceBoundaries()).isEmpty();
    assertThatThrownBy(
            () ->
                new LicenseDetails(
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    java.util.Arrays.asList("commercial", null),
                    null,
                    null,
                    null))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("cloudComplianceBoundaries[]");
  }
}
