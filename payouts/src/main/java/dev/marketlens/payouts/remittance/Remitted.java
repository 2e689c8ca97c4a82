package dev.marketlens.payouts.remittance;

import dev.marketlens.model.remittance.RemittanceLine;

/**
 * A remittance line and where it came from: its file (or import) and its number there, 1 being the
 * first line after the header.
 */
public record Remitted(String source, int number, RemittanceLine line) {}
