/**
 * The HTTP client of Atlassian's reporting API, v2 and v3: auth, async and sync exports, paging,
 * retries.
 */
package dev.marketlens.sync.client;
