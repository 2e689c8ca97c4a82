/**
 * Renewal opportunities and rates per license lineage, Atlassian-compatible (metrics spec §5.10).
 */
package dev.marketlens.metrics.renewals;
