/** Cohort retention of logos and revenue by first paying month (metrics spec §5.7). */
package dev.marketlens.metrics.cohorts;
