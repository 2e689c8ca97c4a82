/** The dimensions every metric can be segmented (`--by`) and filtered (`--where`) by. */
package dev.marketlens.metrics.segments;
