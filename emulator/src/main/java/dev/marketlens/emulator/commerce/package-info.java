/**
 * The Marketplace's commerce rules from the seed documents: catalog and payment models, price books
 * and price changes, discounts, revenue share, refund policy, payouts, and the ground-truth revenue
 * ledger computed from what happened.
 */
package dev.marketlens.emulator.commerce;
