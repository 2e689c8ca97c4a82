package dev.marketlens.metrics.customers;

import java.util.List;

/**
 * What belongs to one customer: its license lineages (by canonical key), every id the records of
 * those lineages carry, and the line item ids of its transaction lines that the metrics count.
 */
public record CustomerRecords(
    String customer, List<String> lineages, List<String> licenseIds, List<String> lineItemIds) {
  public CustomerRecords {
    lineages = List.copyOf(lineages);
    licenseIds = List.copyOf(licenseIds);
    lineItemIds = List.copyOf(lineItemIds);
  }
}
