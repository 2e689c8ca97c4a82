package dev.marketlens.metrics.renewals;

import java.time.LocalDate;

/**
 * A paid term ending soon (or lately, within the grace) that has not renewed yet.
 *
 * @param daysUntil days from {@code asOf} to the end; negative when overdue
 * @param mrr the term's MRR in cents
 */
public record UpcomingRenewal(
    String license,
    String customer,
    String app,
    String hosting,
    String billingPeriod,
    LocalDate endDate,
    long daysUntil,
    long mrr) {}
