package dev.marketlens.emulator.world;

import dev.marketlens.emulator.wire.Hosting;
import java.time.LocalDate;

/**
 * One evaluation episode as it happened: consecutive evaluation keys of one customer, app and
 * hosting count as one.
 *
 * @param end the day after the last evaluation day
 * @param saleDate the converting sale's date, or null when the evaluation did not convert (yet)
 */
public record EvaluationEpisode(
    String customer,
    String addonKey,
    Hosting hosting,
    LocalDate start,
    LocalDate end,
    LocalDate saleDate) {}
