package dev.marketlens.metrics.ledger;

import dev.marketlens.metrics.Records;
import dev.marketlens.metrics.mrr.Book;
import dev.marketlens.metrics.mrr.Fixed;
import dev.marketlens.metrics.mrr.Intervals;
import dev.marketlens.model.Discount;
import dev.marketlens.model.transaction.TransactionLine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The ledger of every line the metrics count, in line item id order. */
public final class Ledger {

  private Ledger() {}

  /**
   * @param keep which lines to list, by their number in the book
   */
  public static List<LedgerLine> of(
      Records.Loaded loaded,
      Intervals intervals,
      Predicate<Integer> keep,
      LocalDate from,
      LocalDate to) {
    Book book = loaded.book();
    List<LedgerLine> out = new ArrayList<>();
    for (int k = 0; k < loaded.lines().size(); k++) {
      TransactionLine t = loaded.lines().get(k);
      int line = book.lineAdded(k);
      if (!keep.test(line) || t.saleDate().isBefore(from) || !t.saleDate().isBefore(to)) {
        continue;
      }
      Map<String, Long> discounts = new LinkedHashMap<>();
      for (Discount d : t.discounts()) {
        discounts.merge(d.type().wire(), d.amount().cents(), Long::sum);
      }
      int refunded = loaded.refunded()[k];
      out.add(
          new LedgerLine(
              t.lineItemId().value(),
              t.transactionId().value(),
              book.licenseKey(book.licenseOf(line)),
              book.customerKey(book.customerOf(line)),
              t.app().value(),
              t.saleDate(),
              t.saleType().wire(),
              t.hosting().wire(),
              t.billingPeriod() == null ? null : t.billingPeriod().wire(),
              t.maintenanceStartDate(),
              t.maintenanceEndDate(),
              Records.listPrice(t),
              discounts,
              t.purchasePrice().cents(),
              t.vendorAmount().cents(),
              t.purchasePrice().cents() - t.vendorAmount().cents(),
              refunded < 0 ? null : loaded.lines().get(refunded).lineItemId().value(),
              t.isZeroDollar(),
              Fixed.divide(intervals.rate(line), Fixed.UNITS)));
    }
    return out;
  }
}
