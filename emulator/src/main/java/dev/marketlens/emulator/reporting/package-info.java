/**
 * The reporting API of the simulated Marketplace (v2 and v3) over HTTP: licenses, transactions,
 * async exports, the free starter tier, auth and errors as the live API serves them.
 */
package dev.marketlens.emulator.reporting;
