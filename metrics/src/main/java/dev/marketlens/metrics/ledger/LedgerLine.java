package dev.marketlens.metrics.ledger;

import java.time.LocalDate;
import java.util.Map;

/**
 * One transaction line in the revenue ledger, amounts in cents (negative on refunds): the list
 * price (purchase price plus every discount), each discount by type from {@code discounts[]} (never
 * the legacy {@code partnerDiscountAmount}), the purchase price, the vendor amount and Atlassian's
 * share (the difference); the line a refund refunds; whether it is a $0 line; and the MRR its
 * service interval carries on the report's basis (its monthly rate, whole cents half away from
 * zero), or 0 for lines the metrics leave out.
 */
public record LedgerLine(
    String transactionLineItemId,
    String transactionId,
    String license,
    String customer,
    String app,
    LocalDate saleDate,
    String saleType,
    String hosting,
    String billingPeriod,
    LocalDate maintenanceStartDate,
    LocalDate maintenanceEndDate,
    long listPrice,
    Map<String, Long> discounts,
    long purchasePrice,
    long vendorAmount,
    long atlassianShare,
    String refundOf,
    boolean zeroDollar,
    long mrr) {}
