/**
 * Atlassian's monthly remittance CSV (seed 004): the summarised bill and bill credits, line by
 * line.
 */
package dev.marketlens.model.remittance;
