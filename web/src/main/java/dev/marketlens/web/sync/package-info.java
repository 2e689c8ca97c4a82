/**
 * The Data page and its API: sync status and progress, syncs on demand and on schedule, imports.
 */
package dev.marketlens.web.sync;
