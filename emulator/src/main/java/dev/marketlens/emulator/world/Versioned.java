package dev.marketlens.emulator.world;

import java.time.LocalDate;

/**
 * One version of a record: what the reporting API served from {@code since} until the next version.
 */
public record Versioned<T>(LocalDate since, T record) {}
