/**
 * Each report as rows of named, typed columns: the shapes the command line and the REST API share.
 */
package dev.marketlens.metrics.report;
