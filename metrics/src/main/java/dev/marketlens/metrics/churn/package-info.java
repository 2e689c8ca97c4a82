/** Logo and revenue churn per month (metrics spec §5.4, §5.5). */
package dev.marketlens.metrics.churn;
