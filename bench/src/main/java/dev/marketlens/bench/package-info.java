/**
 * Macro benchmarks: each prints its figures and the ratio to a reference run in the same process.
 */
package dev.marketlens.bench;
