/**
 * Who a transaction line belongs to (metrics spec §3.2–§3.3): license lineages joined across every
 * id Atlassian has used, and customers keyed by contact domain, company or license.
 */
package dev.marketlens.metrics.identity;
