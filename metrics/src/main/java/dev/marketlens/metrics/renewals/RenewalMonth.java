package dev.marketlens.metrics.renewals;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * The terms ending in one month and whether they renewed (§5.10). Logo renewal rate = renewed /
 * opportunities (Atlassian's churn rate is one minus it); revenue renewal rate = Σ MRR of renewed
 * terms / Σ MRR of all; net renewal rate puts the renewals' new MRR in the numerator. Terms whose
 * renewal window is still open on {@code asOf} and not yet renewed are {@code pending}, counted in
 * no rate. A term followed only by a term the customer does not pay for — a $0 term (a free tier, a
 * 100 % discount) or one refunded in full — did not renew; such terms are counted in {@code
 * renewedUnpaid}, since Atlassian counts them renewed.
 */
public record RenewalMonth(
    YearMonth month,
    String segment,
    int opportunities,
    int renewed,
    BigDecimal logoRenewalRate,
    BigDecimal revenueRenewalRate,
    BigDecimal netRenewalRate,
    int pending,
    int renewedUnpaid) {}
