/**
 * Pricing: price books, the price audit of each transaction line, price guidance and the impact of
 * a price change.
 */
package dev.marketlens.payouts.pricing;
