package dev.marketlens.metrics.conversion;

/**
 * One evaluation license period, already cleared of what conversion excludes (sandbox,
 * Atlassian-internal and upgrade evaluations).
 *
 * @param customer the customer's number in the book
 * @param license the evaluation's license lineage in the book, or -1 when it has no lines
 * @param profile the profile its app and hosting are read from
 * @param start the first evaluation day, epoch day
 * @param end the evaluation's end, epoch day
 * @param convertedBy the lineage that names this evaluation as its {@code evaluationLicense}, or -1
 * @param saleDate the converting sale's date the records state ({@code evaluationSaleDate}), epoch
 *     day, or {@link #NO_DATE}
 */
public record Evaluation(
    int customer, int license, int profile, int start, int end, int convertedBy, int saleDate) {

  public static final int NO_DATE = Integer.MIN_VALUE;
}
