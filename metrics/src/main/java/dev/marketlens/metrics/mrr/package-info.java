/**
 * Transaction lines as service intervals with monthly rates (metrics spec §2) and every unit's
 * month-end MRR with grace on coverage gaps (§3.5), over a columnar {@link
 * dev.marketlens.metrics.mrr.Book}.
 */
package dev.marketlens.metrics.mrr;
