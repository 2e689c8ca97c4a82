package dev.marketlens.emulator.world;

import dev.marketlens.emulator.wire.Transaction;
import java.time.LocalDate;
import java.util.List;

/**
 * One transaction line over its life: the sale, the license it belongs to and its dated changes.
 */
final class SaleLife {
  final Customer customer;
  final LicenseLife license;
  final long journeyKey;
  final int localSeq;
  final LocalDate created;

  /**
   * The kind of order ({@code new}, {@code renewal}, {@code upgrade}, {@code dual}, {@code
   * refund}): lines of one customer of the same kind, day and hosting share a transaction id (one
   * order or invoice).
   */
  final String orderKey;

  final SaleState state = new SaleState();
  final Timeline<SaleState> timeline;

  /** For refunds: the line refunded. */
  SaleLife refundOf;

  /** Whether the invoice belongs to Atlassian's newer billing system (IN- ids, UUID line items). */
  boolean newBilling;

  SaleLife(
      Customer customer,
      LicenseLife license,
      long journeyKey,
      int localSeq,
      LocalDate created,
      String orderKey) {
    this.customer = customer;
    this.license = license;
    this.journeyKey = journeyKey;
    this.localSeq = localSeq;
    this.created = created;
    this.orderKey = orderKey;
    this.timeline = new Timeline<>(created);
  }

  List<Versioned<Transaction>> versions(LocalDate clock) {
    return timeline.versions(state, clock, SaleState::snapshot, SaleState::sameButLastUpdated);
  }
}
