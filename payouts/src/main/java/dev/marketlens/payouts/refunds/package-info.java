/** Refunds classified by the policy windows, and checks of licenses against their transactions. */
package dev.marketlens.payouts.refunds;
