/**
 * Licenses and transactions exactly as Atlassian's reporting API serves them, and writers of its
 * JSON and CSV export formats.
 */
package dev.marketlens.emulator.wire;
