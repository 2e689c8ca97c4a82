/**
 * Pure computation of a vendor's revenue metrics from its transaction lines and licenses: {@link
 * dev.marketlens.metrics.Metrics} is the entry point.
 */
package dev.marketlens.metrics;
