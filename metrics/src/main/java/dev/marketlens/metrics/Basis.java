package dev.marketlens.metrics;

/** Which amount of a transaction line feeds MRR (metrics spec §2.1). */
public enum Basis {
  /** The vendor amount: what the partner is paid (default). */
  NET,
  /** The purchase price: what the customer paid after discounts, before Atlassian's share. */
  GROSS,
  /** The purchase price plus every discount of {@code discounts[]}: the undiscounted run-rate. */
  LIST
}
