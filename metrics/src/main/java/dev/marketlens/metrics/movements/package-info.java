/**
 * Month-end MRR movements per unit (metrics spec §4): new, expansion, contraction, churn,
 * reactivation and, in segment views, segment in/out; summed per month and segment with opening +
 * movements = closing checked.
 */
package dev.marketlens.metrics.movements;
