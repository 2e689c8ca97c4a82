/** Atlassian's license and transaction export formats (JSON and CSV), streamed into the model. */
package dev.marketlens.sync.wire;
