/**
 * Atlassian's license and transaction export formats (JSON and CSV), streamed into the model and
 * written back from it.
 */
package dev.marketlens.sync.wire;
