/**
 * Payouts, remittance reconciliation, refunds, license checks and pricing: their pages and JSON
 * API.
 */
package dev.marketlens.web.payouts;
