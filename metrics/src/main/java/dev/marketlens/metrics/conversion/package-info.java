/** Trial-to-paid conversion of evaluation episodes (metrics spec §5.11). */
package dev.marketlens.metrics.conversion;
