package dev.marketlens.metrics.customers;

import java.time.YearMonth;

/** A customer's MRR at a month's end, in cents, and the movement into it. */
public record CustomerMrr(YearMonth month, long mrr, MovementKind movement) {}
