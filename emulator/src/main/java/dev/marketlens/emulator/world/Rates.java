package dev.marketlens.emulator.world;

/**
 * How often things happen in a world. Probabilities are in parts per million so that no floating
 * point enters the simulation's decisions; {@link #ppm(double)} converts a percentage for
 * readability.
 *
 * @param evaluationFirstPpm purchases preceded by an evaluation
 * @param conversionPpm evaluations that convert to a purchase
 * @param extraEvaluationKeyPpm server and Data Center evaluators who take extra evaluation keys
 *     (seed 000)
 * @param cloudMonthlyPpm cloud purchases billed monthly (the rest annually)
 * @param partnerSalePpm sales made through a Solution Partner or reseller
 * @param promotionPpm new sales with a promotion code
 * @param fullDiscountPpm new sales with a 100 % promotion ($0 transactions; only from 2019-07-01)
 * @param secondAppPpm customers who later buy a second app of the vendor
 * @param multiAppOrderPpm of those, the ones who buy both apps in one order
 * @param refundWithin30Ppm sales refunded in full within 30 days
 * @param refund31To60Ppm annual sales with a cancellation request 31–60 days after purchase
 * @param monthlyChurnPpm cloud monthly subscriptions cancelled at a renewal
 * @param annualChurnPpm annual subscriptions not renewed
 * @param reactivationPpm churned customers who come back later
 * @param lateRenewalPpm Data Center and server renewals bought after the maintenance expired
 * @param migrationToCloudPpm on-premise customers who migrate to cloud (from 2019)
 * @param migrationToDataCenterPpm server customers who move to Data Center
 * @param dualLicensingPpm cloud migrations whose on-premise license gets a free year (from 2020-09)
 * @param outageConcessionPpm cloud customers given a concession after the April 2022 outage
 * @param contactChangePpm customers whose technical contact changes once
 * @param rtbfPpm replaced contacts who later ask to be forgotten
 * @param freeMailPpm customers whose contacts use a free-mail address
 * @param missingTechnicalContactPpm records without a technical contact (schema drift, K32)
 * @param sandboxPpm cloud customers with an app installed on a sandbox site
 * @param mutationPpm records Atlassian changes after the fact (new lastUpdated, K14)
 * @param faultyPartnerDiscountPpm partner rows whose legacy partnerDiscountAmount disagrees with
 *     discounts[] (K18)
 */
public record Rates(
    int evaluationFirstPpm,
    int conversionPpm,
    int extraEvaluationKeyPpm,
    int cloudMonthlyPpm,
    int partnerSalePpm,
    int promotionPpm,
    int fullDiscountPpm,
    int secondAppPpm,
    int multiAppOrderPpm,
    int refundWithin30Ppm,
    int refund31To60Ppm,
    int monthlyChurnPpm,
    int annualChurnPpm,
    int reactivationPpm,
    int lateRenewalPpm,
    int migrationToCloudPpm,
    int migrationToDataCenterPpm,
    int dualLicensingPpm,
    int outageConcessionPpm,
    int contactChangePpm,
    int rtbfPpm,
    int freeMailPpm,
    int missingTechnicalContactPpm,
    int sandboxPpm,
    int mutationPpm,
    int faultyPartnerDiscountPpm,
    int atlassianOwnedPpm,
    int vendorTestPpm) {

  public static final int MILLION = 1_000_000;

  public Rates {
    int[] all = {
      evaluationFirstPpm,
      conversionPpm,
      extraEvaluationKeyPpm,
      cloudMonthlyPpm,
      partnerSalePpm,
      promotionPpm,
      fullDiscountPpm,
      secondAppPpm,
      multiAppOrderPpm,
      refundWithin30Ppm,
      refund31To60Ppm,
      monthlyChurnPpm,
      annualChurnPpm,
      reactivationPpm,
      lateRenewalPpm,
      migrationToCloudPpm,
      migrationToDataCenterPpm,
      dualLicensingPpm,
      outageConcessionPpm,
      contactChangePpm,
      rtbfPpm,
      freeMailPpm,
      missingTechnicalContactPpm,
      sandboxPpm,
      mutationPpm,
      faultyPartnerDiscountPpm,
      atlassianOwnedPpm,
      vendorTestPpm
    };
    for (int p : all) {
      if (p < 0 || p > MILLION) {
        throw new IllegalArgumentException("a rate is between 0 and 1000000 ppm, got " + p);
      }
    }
  }

  /** Parts per million of a percentage, e.g. {@code ppm(2.5)} = 25000. */
  public static int ppm(double percent) {
    return (int) Math.round(percent * 10_000);
  }

  /** Rates that give a plausible mid-sized vendor. */
  public static Rates defaults() {
    return new Rates(
        ppm(75), // evaluation first
        ppm(42), // conversion
        ppm(10), // extra evaluation keys
        ppm(60), // cloud monthly
        ppm(12), // partner sale
        ppm(6), // promotion
        ppm(0.4), // 100 % promotion
        ppm(18), // second app
        ppm(40), // multi-app order
        ppm(3), // refund within 30 days
        ppm(1.5), // refund 31–60 days
        ppm(2), // monthly churn
        ppm(11), // annual churn
        ppm(30), // reactivation
        ppm(12), // late renewal
        ppm(45), // migration to cloud
        ppm(30), // migration to Data Center
        ppm(30), // dual licensing
        ppm(3), // outage concession
        ppm(20), // contact change
        ppm(5), // RTBF
        ppm(8), // free mail
        ppm(0.2), // missing technical contact
        ppm(3), // sandbox
        ppm(5), // mutation
        ppm(5), // faulty partner discount
        ppm(0.3), // Atlassian-owned
        ppm(0.2)); // vendor test licenses
  }
}
