/**
 * The revenue ledger: each transaction line's prices, discounts, shares and refund link
 * (§2.1–§2.6).
 */
package dev.marketlens.metrics.ledger;
