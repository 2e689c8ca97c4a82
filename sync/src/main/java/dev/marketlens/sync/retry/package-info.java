/**
 * When to retry a failed request and how long to wait, and when to stop a run: pure rules, time and
 * randomness injected.
 */
package dev.marketlens.sync.retry;
