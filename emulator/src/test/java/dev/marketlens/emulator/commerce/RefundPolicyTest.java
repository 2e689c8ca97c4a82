package dev.marketlens.emulator.commerce;

import static dev.marketlens.emulator.commerce.CommerceFixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.emulator.commerce.RefundPolicy.Rule;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("seed 004 (SR-F1…F4): the refund policy")
class RefundPolicyTest {

  private static final LocalDate BOUGHT = d("2024-03-01");
  private static final long SMALL = 10_000; // $100.00

  @DisplayName(
      "seed 004 (SR-F1): a request on day 0 or day 30 gets a full refund, no questions asked")
  @Test
  void fullRefundWithin30Days() {
    assertThat(RefundPolicy.classify(BOUGHT, BOUGHT, SMALL, false))
        .isEqualTo(Rule.FULL_WITHIN_30_DAYS);
    // 2024-03-01 + 30 days = 2024-03-31
    assertThat(RefundPolicy.classify(BOUGHT, d("2024-03-31"), SMALL, false))
        .isEqualTo(Rule.FULL_WITHIN_30_DAYS);
    // the $1,500 partner approval does not apply inside the 30 days
    assertThat(RefundPolicy.classify(BOUGHT, d("2024-03-31"), 1_000_000, false))
        .isEqualTo(Rule.FULL_WITHIN_30_DAYS);
    assertThat(Rule.FULL_WITHIN_30_DAYS.refunds()).isTrue();
  }

  @DisplayName(
      "seed 004 (SR-F2): a request on day 31 or day 60 with a partner refund total of $1,500.00 is at Atlassian's discretion")
  @Test
  void discretionaryDays31To60() {
    // day 31 = 2024-04-01, day 60 = 2024-04-30
    assertThat(RefundPolicy.classify(BOUGHT, d("2024-04-01"), 150_000, false))
        .isEqualTo(Rule.DISCRETIONARY_31_TO_60_DAYS);
    assertThat(RefundPolicy.classify(BOUGHT, d("2024-04-30"), 150_000, false))
        .isEqualTo(Rule.DISCRETIONARY_31_TO_60_DAYS);
    assertThat(RefundPolicy.classify(BOUGHT, d("2024-04-01"), SMALL, false))
        .isEqualTo(Rule.DISCRETIONARY_31_TO_60_DAYS);
    assertThat(Rule.DISCRETIONARY_31_TO_60_DAYS.refunds()).isTrue();
  }

  @DisplayName(
      "seed 004 (SR-F2): in days 31–60 a partner refund total above $1,500 ($1,500.01) needs the partner's approval")
  @Test
  void partnerApprovalAbove1500() {
    assertThat(RefundPolicy.classify(BOUGHT, d("2024-04-01"), 150_001, false))
        .isEqualTo(Rule.PARTNER_APPROVAL_31_TO_60_DAYS);
    assertThat(RefundPolicy.classify(BOUGHT, d("2024-04-30"), 150_001, false))
        .isEqualTo(Rule.PARTNER_APPROVAL_31_TO_60_DAYS);
    assertThat(Rule.PARTNER_APPROVAL_31_TO_60_DAYS.refunds()).isTrue();
  }

  @DisplayName("seed 004 (SR-F4): a refund request on day 61 is outside the policy")
  @Test
  void day61OutsidePolicy() {
    // day 61 = 2024-05-01
    assertThat(RefundPolicy.classify(BOUGHT, d("2024-05-01"), SMALL, false))
        .isEqualTo(Rule.OUTSIDE_POLICY);
    assertThat(RefundPolicy.classify(BOUGHT, d("2024-05-01"), 150_001, false))
        .isEqualTo(Rule.OUTSIDE_POLICY);
    assertThat(Rule.OUTSIDE_POLICY.refunds()).isFalse();
  }

  @DisplayName(
      "seed 004 (SR-F3): an upgrade request on day 31…90 reallocates the remaining maintenance to the higher tier, not a refund")
  @Test
  void upgradeReallocationDays31To90() {
    // day 31 = 2024-04-01, day 90 = 2024-05-30
    assertThat(RefundPolicy.classify(BOUGHT, d("2024-04-01"), SMALL, true))
        .isEqualTo(Rule.UPGRADE_REALLOCATION_31_TO_90_DAYS);
    assertThat(RefundPolicy.classify(BOUGHT, d("2024-05-30"), 150_001, true))
        .isEqualTo(Rule.UPGRADE_REALLOCATION_31_TO_90_DAYS);
    assertThat(Rule.UPGRADE_REALLOCATION_31_TO_90_DAYS.refunds()).isFalse();
  }

  @DisplayName("seed 004 (SR-F3): an upgrade request on day 30 or day 91 is outside the policy")
  @Test
  void upgradeOutsideDays31To90() {
    // day 30 = 2024-03-31, day 91 = 2024-05-31
    assertThat(RefundPolicy.classify(BOUGHT, d("2024-03-31"), SMALL, true))
        .isEqualTo(Rule.OUTSIDE_POLICY);
    assertThat(RefundPolicy.classify(BOUGHT, d("2024-05-31"), SMALL, true))
        .isEqualTo(Rule.OUTSIDE_POLICY);
  }

  @DisplayName("seed 004 (SR-F1): a refund request before the purchase is an error")
  @Test
  void requestBeforePurchaseIsAnError() {
    assertThatThrownBy(() -> RefundPolicy.classify(BOUGHT, d("2024-02-29"), SMALL, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RefundPolicy.classify(BOUGHT, d("2024-02-29"), SMALL, true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @DisplayName(
      "seed 004 (SR-F1…F4): all() lists every rule with its day window: 0–30, 31–60, 31–60, 31–90 and the rest")
  @Test
  void allListsEveryRule() {
    assertThat(RefundPolicy.all())
        .containsExactly(
            Rule.FULL_WITHIN_30_DAYS,
            Rule.DISCRETIONARY_31_TO_60_DAYS,
            Rule.PARTNER_APPROVAL_31_TO_60_DAYS,
            Rule.UPGRADE_REALLOCATION_31_TO_90_DAYS,
            Rule.OUTSIDE_POLICY);
    assertThat(Rule.FULL_WITHIN_30_DAYS.fromDay()).isZero();
    assertThat(Rule.FULL_WITHIN_30_DAYS.toDay()).isEqualTo(30);
    assertThat(Rule.DISCRETIONARY_31_TO_60_DAYS.fromDay()).isEqualTo(31);
    assertThat(Rule.DISCRETIONARY_31_TO_60_DAYS.toDay()).isEqualTo(60);
    assertThat(Rule.PARTNER_APPROVAL_31_TO_60_DAYS.fromDay()).isEqualTo(31);
    assertThat(Rule.PARTNER_APPROVAL_31_TO_60_DAYS.toDay()).isEqualTo(60);
    assertThat(Rule.UPGRADE_REALLOCATION_31_TO_90_DAYS.fromDay()).isEqualTo(31);
    assertThat(Rule.UPGRADE_REALLOCATION_31_TO_90_DAYS.toDay()).isEqualTo(90);
    assertThat(RefundPolicy.PARTNER_APPROVAL_ABOVE_CENTS).isEqualTo(150_000);
  }

  @DisplayName(
      "seed 004 (SR-F1…F4): every day 0…120 gets the rule whose window holds it (sale and upgrade requests)")
  @Test
  void everyDayFallsInItsWindow() {
    for (int day = 0; day <= 120; day++) {
      LocalDate requested = BOUGHT.plusDays(day);
      Rule refund = RefundPolicy.classify(BOUGHT, requested, SMALL, false);
      Rule upgrade = RefundPolicy.classify(BOUGHT, requested, SMALL, true);
      Rule expectedRefund =
          day <= 30
              ? Rule.FULL_WITHIN_30_DAYS
              : day <= 60 ? Rule.DISCRETIONARY_31_TO_60_DAYS : Rule.OUTSIDE_POLICY;
      Rule expectedUpgrade =
          day >= 31 && day <= 90 ? Rule.UPGRADE_REALLOCATION_31_TO_90_DAYS : Rule.OUTSIDE_POLICY;
      assertThat(refund).as("refund on day %d", day).isEqualTo(expectedRefund);
      assertThat(upgrade).as("upgrade on day %d", day).isEqualTo(expectedUpgrade);
    }
  }
}
