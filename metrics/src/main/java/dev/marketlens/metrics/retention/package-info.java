/** Net and gross revenue retention, monthly and trailing twelve months (metrics spec §5.6). */
package dev.marketlens.metrics.retention;
