/**
 * Pure computation of what Atlassian owes a vendor and how it pays (seed 004): payout runs,
 * remittance reconciliation, the refund policy, license checks and pricing.
 */
package dev.marketlens.payouts;
