/**
 * Monthly payouts: the sales and refunds summaries, the expected revenue share per line, the $500
 * carry-over, payment dates and the forecast of the next payouts.
 */
package dev.marketlens.payouts.monthly;
