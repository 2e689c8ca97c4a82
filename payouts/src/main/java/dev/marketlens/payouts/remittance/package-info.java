/** Remittance reconciliation: the lines of the monthly remittance CSV matched to transactions. */
package dev.marketlens.payouts.remittance;
