/**
 * Syncs a vendor account into the store: full, incremental and reconciling runs with checkpoints.
 */
package dev.marketlens.sync.incremental;
