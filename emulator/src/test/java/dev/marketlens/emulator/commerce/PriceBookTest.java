package dev.marketlens.emulator.commerce;

import static dev.marketlens.emulator.commerce.CommerceFixtures.CLOUD_PLAN;
import static dev.marketlens.emulator.commerce.CommerceFixtures.CLOUD_PLAN_RAISED;
import static dev.marketlens.emulator.commerce.CommerceFixtures.DC_PLAN;
import static dev.marketlens.emulator.commerce.CommerceFixtures.DC_PLAN_RAISED;
import static dev.marketlens.emulator.commerce.CommerceFixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.emulator.wire.BillingPeriod;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.Tier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("seed 004 (SR-C1…C4): price books, price changes and who pays which price")
class PriceBookTest {

  private static final LocalDate LISTED = d("2023-01-01");

  /** Submitted 2023-06-10 15:00 UTC → active 2023-06-11 15:00 → first whole day 2023-06-12. */
  private static final Instant SUBMITTED = Instant.parse("2023-06-10T15:00:00Z");

  private static final LocalDate CHANGE = d("2023-06-12");

  private static final Tier T50 = Tier.users(50);
  private static final Tier T100 = Tier.users(100);

  // CLOUD_PLAN monthly, 50 users: 1000 + (50 − 10) × 100 = 5000; annual = 10 × 5000 = 50000
  private static final long OLD_CLOUD_50_MONTHLY = 5_000;
  // CLOUD_PLAN_RAISED monthly, 50 users: 1500 + (50 − 10) × 150 = 7500
  private static final long NEW_CLOUD_50_MONTHLY = 7_500;
  // CLOUD_PLAN_RAISED monthly, 100 users: 1500 + 90 × 150 = 15000
  private static final long NEW_CLOUD_100_MONTHLY = 15_000;

  private static PriceBook raisedCloudBook() {
    return PriceBook.listed(Hosting.CLOUD, LISTED, CLOUD_PLAN).submit(CLOUD_PLAN_RAISED, SUBMITTED);
  }

  @DisplayName(
      "seed 004 (SR-C1): a cloud annual subscription costs 10 × the monthly price of its tier")
  @Test
  void cloudAnnualIsTenTimesMonthly() {
    // 50 users: monthly 1000 + 40 × 100 = 5000 → annual 50000
    assertThat(CLOUD_PLAN.listPriceCents(T50, BillingPeriod.MONTHLY)).isEqualTo(5_000);
    assertThat(CLOUD_PLAN.listPriceCents(T50, BillingPeriod.ANNUAL)).isEqualTo(50_000);
    // 500 users: 1000 + 90 × 100 + 150 × 80 + 250 × 60 = 1000 + 9000 + 12000 + 15000 = 37000
    assertThat(CLOUD_PLAN.listPriceCents(Tier.users(500), BillingPeriod.MONTHLY)).isEqualTo(37_000);
    assertThat(CLOUD_PLAN.listPriceCents(Tier.users(500), BillingPeriod.ANNUAL)).isEqualTo(370_000);
    // 10 users: the flat 1000 → annual 10000
    assertThat(CLOUD_PLAN.listPriceCents(Tier.users(10), BillingPeriod.ANNUAL)).isEqualTo(10_000);
    assertThat(PricePlan.Cloud.ANNUAL_MULTIPLIER).isEqualTo(10);
  }

  @DisplayName(
      "seed 004 (SR-C5): cloud monthly per-unit pricing charges the exact user count by band")
  @Test
  void cloudPerUnitPricing() {
    // 1100 users: 1000 + 90 × 100 + 150 × 80 + 750 × 60 + 100 × 40
    //           = 1000 + 9000 + 12000 + 45000 + 4000 = 71000
    assertThat(CLOUD_PLAN.listPriceCents(Tier.perUnit(1100), BillingPeriod.MONTHLY))
        .isEqualTo(71_000);
    // 11 users: 1000 + 1 × 100 = 1100
    assertThat(CLOUD_PLAN.listPriceCents(Tier.perUnit(11), BillingPeriod.MONTHLY)).isEqualTo(1_100);
  }

  @DisplayName(
      "seed 004 (SR-C2): a submitted price change becomes active after 24 h and applies from the first whole day")
  @Test
  void changeActiveAfter24Hours() {
    PriceBook book = raisedCloudBook();

    // submitted 2023-06-10 15:00Z + 24 h = 2023-06-11 15:00Z → first whole day 2023-06-12
    assertThat(book.planOn(d("2023-06-10"))).isEqualTo(CLOUD_PLAN);
    assertThat(book.planOn(d("2023-06-11"))).isEqualTo(CLOUD_PLAN);
    assertThat(book.planOn(d("2023-06-12"))).isEqualTo(CLOUD_PLAN_RAISED);
    assertThat(book.entryOn(d("2023-07-01")).effectiveFrom()).isEqualTo(CHANGE);
    assertThat(book.hasDraft()).isTrue();
    assertThat(book.settledAt(Instant.parse("2023-06-11T14:59:59Z")).hasDraft()).isTrue();
    assertThat(book.settledAt(Instant.parse("2023-06-11T15:00:00Z")).hasDraft()).isFalse();
  }

  @DisplayName(
      "seed 004 (SR-C2): a change submitted at midnight is active at the next midnight, which is a whole day")
  @Test
  void changeSubmittedAtMidnight() {
    PriceBook book =
        PriceBook.listed(Hosting.CLOUD, LISTED, CLOUD_PLAN)
            .submit(CLOUD_PLAN_RAISED, Instant.parse("2023-06-10T00:00:00Z"));

    // active 2023-06-11T00:00Z, which starts a whole day → 2023-06-11
    assertThat(book.planOn(d("2023-06-10"))).isEqualTo(CLOUD_PLAN);
    assertThat(book.planOn(d("2023-06-11"))).isEqualTo(CLOUD_PLAN_RAISED);
  }

  @DisplayName(
      "seed 004 (SR-C2): a second submission within the 24-h window updates the one draft and keeps its activation time")
  @Test
  void secondSubmissionUpdatesDraft() {
    PricePlan.Cloud third = new PricePlan.Cloud(2000, 200, 150, 100, 80);
    PriceBook book =
        raisedCloudBook().submit(third, Instant.parse("2023-06-11T14:59:00Z")); // 23 h 59 later

    // still one change, from 2023-06-12, now with the third plan's prices
    assertThat(book.entries())
        .extracting(PriceBook.Entry::effectiveFrom)
        .containsExactly(LISTED, CHANGE);
    assertThat(book.planOn(CHANGE)).isEqualTo(third);
    assertThat(book.planOn(d("2023-06-11"))).isEqualTo(CLOUD_PLAN);
    assertThat(book.settledAt(Instant.parse("2023-06-11T15:00:00Z")).hasDraft()).isFalse();
  }

  @DisplayName(
      "seed 004 (SR-C2): a submission after the draft became active starts a new draft, active 24 h later")
  @Test
  void submissionAfterActivationStartsNewDraft() {
    PricePlan.Cloud third = new PricePlan.Cloud(2000, 200, 150, 100, 80);
    // first change active 2023-06-11 15:00Z; the next one submitted 2023-06-11 16:00Z is active
    // 2023-06-12 16:00Z → first whole day 2023-06-13
    PriceBook book = raisedCloudBook().submit(third, Instant.parse("2023-06-11T16:00:00Z"));

    assertThat(book.entries())
        .extracting(PriceBook.Entry::effectiveFrom)
        .containsExactly(LISTED, CHANGE, d("2023-06-13"));
    assertThat(book.planOn(CHANGE)).isEqualTo(CLOUD_PLAN_RAISED);
    assertThat(book.planOn(d("2023-06-13"))).isEqualTo(third);
    assertThat(book.hasDraft()).isTrue();
  }

  @DisplayName(
      "seed 004 (SR-C3): an existing customer on the same tier renewing within 60 days of a price increase pays the old price; on day 60 the new one")
  @Test
  void existingCustomerKeepsOldPriceFor60Days() {
    PriceBook book = raisedCloudBook();
    LocalDate since = d("2023-02-01");

    // change 2023-06-12; day 59 = 2023-08-10, day 60 = 2023-08-11
    PriceBook.Quote day0 = book.quote(T50, BillingPeriod.MONTHLY, CHANGE, since, T50, null, null);
    PriceBook.Quote day59 =
        book.quote(T50, BillingPeriod.MONTHLY, d("2023-08-10"), since, T50, null, null);
    PriceBook.Quote day60 =
        book.quote(T50, BillingPeriod.MONTHLY, d("2023-08-11"), since, T50, null, null);

    assertThat(day0).isEqualTo(new PriceBook.Quote(OLD_CLOUD_50_MONTHLY, true));
    assertThat(day59).isEqualTo(new PriceBook.Quote(OLD_CLOUD_50_MONTHLY, true));
    assertThat(day60).isEqualTo(new PriceBook.Quote(NEW_CLOUD_50_MONTHLY, false));
    // annual renewals follow the same rule: 10 × 5000 old against 10 × 7500 new
    assertThat(
            book.quote(T50, BillingPeriod.ANNUAL, d("2023-08-10"), since, T50, null, null)
                .listPriceCents())
        .isEqualTo(50_000);
  }

  @DisplayName(
      "seed 004 (SR-C3): an existing customer moving to a different tier within the 60 days pays the new price")
  @Test
  void existingCustomerOnOtherTierPaysNewPrice() {
    PriceBook book = raisedCloudBook();

    PriceBook.Quote quote =
        book.quote(T100, BillingPeriod.MONTHLY, d("2023-06-20"), d("2023-02-01"), T50, null, null);

    assertThat(quote).isEqualTo(new PriceBook.Quote(NEW_CLOUD_100_MONTHLY, false));
  }

  @DisplayName("seed 004 (SR-C3): a new customer pays the new price from the change on")
  @Test
  void newCustomerPaysNewPrice() {
    PriceBook book = raisedCloudBook();

    assertThat(book.quote(T50, BillingPeriod.MONTHLY, CHANGE, null, null, null, null))
        .isEqualTo(new PriceBook.Quote(NEW_CLOUD_50_MONTHLY, false));
    // a customer who joined on the change day is not an existing customer of the old price
    assertThat(book.quote(T50, BillingPeriod.MONTHLY, d("2023-06-20"), CHANGE, T50, null, null))
        .isEqualTo(new PriceBook.Quote(NEW_CLOUD_50_MONTHLY, false));
    // and before the change everyone pays the old price, no override
    assertThat(book.quote(T50, BillingPeriod.MONTHLY, d("2023-06-11"), null, null, null, null))
        .isEqualTo(new PriceBook.Quote(OLD_CLOUD_50_MONTHLY, false));
  }

  @DisplayName(
      "seed 004 (SR-C4, SR-E6): a cloud evaluator who started before the change pays the old price until the evaluation ends, then the new one")
  @Test
  void cloudEvaluatorKeepsOldPriceUntilEvaluationEnds() {
    PriceBook book = raisedCloudBook();
    LocalDate evalStart = d("2023-06-01");
    LocalDate evalEnd = d("2023-07-01"); // exclusive: the evaluation covers 06-01 … 06-30

    PriceBook.Quote lastEvalDay =
        book.quote(T50, BillingPeriod.MONTHLY, d("2023-06-30"), null, null, evalStart, evalEnd);
    PriceBook.Quote afterEval =
        book.quote(T50, BillingPeriod.MONTHLY, evalEnd, null, null, evalStart, evalEnd);

    assertThat(lastEvalDay).isEqualTo(new PriceBook.Quote(OLD_CLOUD_50_MONTHLY, true));
    assertThat(afterEval).isEqualTo(new PriceBook.Quote(NEW_CLOUD_50_MONTHLY, false));
  }

  @DisplayName(
      "seed 004 (SR-C4): a cloud evaluator who started on or after the change pays the new price")
  @Test
  void cloudEvaluatorAfterChangePaysNewPrice() {
    PriceBook book = raisedCloudBook();

    assertThat(
            book.quote(
                T50, BillingPeriod.MONTHLY, d("2023-06-20"), null, null, CHANGE, d("2023-07-12")))
        .isEqualTo(new PriceBook.Quote(NEW_CLOUD_50_MONTHLY, false));
  }

  @DisplayName(
      "seed 004 (SR-C4, SR-E6): a Data Center evaluator pays the new price even during the evaluation")
  @Test
  void dataCenterEvaluatorPaysNewPrice() {
    PriceBook book =
        PriceBook.listed(Hosting.DATA_CENTER, LISTED, DC_PLAN).submit(DC_PLAN_RAISED, SUBMITTED);

    PriceBook.Quote quote =
        book.quote(
            T50,
            BillingPeriod.ANNUAL,
            d("2023-06-20"),
            null,
            null,
            d("2023-06-01"),
            d("2023-07-01"));

    // DC_PLAN_RAISED, 50 users: 120000 (old: 100000)
    assertThat(quote).isEqualTo(new PriceBook.Quote(120_000, false));
  }

  @DisplayName(
      "seed 004 (SR-C3): a Data Center customer on the same tier keeps the old annual price for 60 days")
  @Test
  void dataCenterExistingCustomerOverride() {
    PriceBook book =
        PriceBook.listed(Hosting.DATA_CENTER, LISTED, DC_PLAN).submit(DC_PLAN_RAISED, SUBMITTED);

    assertThat(
            book.quote(
                T100, BillingPeriod.ANNUAL, d("2023-08-10"), d("2023-01-15"), T100, null, null))
        .isEqualTo(new PriceBook.Quote(180_000, true));
    assertThat(
            book.quote(
                T100, BillingPeriod.ANNUAL, d("2023-08-11"), d("2023-01-15"), T100, null, null))
        .isEqualTo(new PriceBook.Quote(200_000, false));
    // unlimited is a tier of its own: 500000 old, 600000 new
    assertThat(
            book.quote(
                Tier.UNLIMITED,
                BillingPeriod.ANNUAL,
                d("2023-07-01"),
                d("2023-01-15"),
                Tier.UNLIMITED,
                null,
                null))
        .isEqualTo(new PriceBook.Quote(500_000, true));
  }

  @DisplayName("seed 004 (SR-C3): after a price decrease everyone pays the lower, new price")
  @Test
  void priceDecreaseNeedsNoOverride() {
    PriceBook book =
        PriceBook.listed(Hosting.CLOUD, LISTED, CLOUD_PLAN_RAISED).submit(CLOUD_PLAN, SUBMITTED);

    assertThat(book.quote(T50, BillingPeriod.MONTHLY, CHANGE, d("2023-02-01"), T50, null, null))
        .isEqualTo(new PriceBook.Quote(OLD_CLOUD_50_MONTHLY, false));
  }

  @DisplayName("seed 004 (SR-C2): quoting a price before the listing date is an error")
  @Test
  void quoteBeforeListingIsAnError() {
    PriceBook book = PriceBook.listed(Hosting.CLOUD, LISTED, CLOUD_PLAN);

    assertThatThrownBy(
            () -> book.quote(T50, BillingPeriod.MONTHLY, d("2022-12-31"), null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> book.planOn(d("2022-12-31")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(book.planOn(LISTED)).isEqualTo(CLOUD_PLAN);
  }

  @DisplayName(
      "seed 004 (SR-C1): a cloud plan cannot go in a Data Center book, nor a tiered plan in a cloud book")
  @Test
  void planMustFitHosting() {
    assertThatThrownBy(() -> PriceBook.listed(Hosting.DATA_CENTER, LISTED, CLOUD_PLAN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PriceBook.listed(Hosting.CLOUD, LISTED, DC_PLAN))
        .isInstanceOf(IllegalArgumentException.class);
    PriceBook dc = PriceBook.listed(Hosting.DATA_CENTER, LISTED, DC_PLAN);
    assertThatThrownBy(() -> dc.submit(CLOUD_PLAN, SUBMITTED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(dc.entries()).hasSize(1);
  }

  @DisplayName(
      "seed 004 (SR-N1): server and Data Center plans sell yearly maintenance only, by ladder tier")
  @Test
  void tieredPlansAreAnnual() {
    assertThat(DC_PLAN.listPriceCents(T50, BillingPeriod.ANNUAL)).isEqualTo(100_000);
    assertThat(DC_PLAN.listPriceCents(Tier.users(250), BillingPeriod.ANNUAL)).isEqualTo(300_000);
    assertThat(DC_PLAN.listPriceCents(Tier.UNLIMITED, BillingPeriod.ANNUAL)).isEqualTo(500_000);
    assertThatThrownBy(() -> DC_PLAN.listPriceCents(T50, BillingPeriod.MONTHLY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DC_PLAN.listPriceCents(Tier.users(75), BillingPeriod.ANNUAL))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PricePlan.Tiered(List.of(50, 100), List.of(1L), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
