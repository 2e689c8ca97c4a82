/**
 * Our metrics against the figures the reporting API publishes for the same months, each difference
 * split into what a known difference of definition explains and what remains.
 */
package dev.marketlens.metrics.reconciliation;
