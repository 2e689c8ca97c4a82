package dev.marketlens.web.payouts;

import dev.marketlens.model.Tier;
import dev.marketlens.payouts.pricing.PriceBook;
import dev.marketlens.store.PriceBooks;
import java.util.List;

/**
 * Price books as the store keeps them ({@link PriceBooks.Price}, the tier in its wire spelling) and
 * as the pricing engine reads them ({@link PriceBook}); the CLI and the web both convert here.
 */
public final class StoredPriceBooks {

  private StoredPriceBooks() {}

  /** An account's stored price book. */
  public static PriceBook read(PriceBooks books, long accountId) {
    return PriceBook.of(books.list(accountId).stream().map(StoredPriceBooks::row).toList());
  }

  /** A book's rows as the store keeps them. */
  public static List<PriceBooks.Price> prices(PriceBook book) {
    return book.rows().stream().map(StoredPriceBooks::price).toList();
  }

  /** One row as the store keeps it. */
  public static PriceBooks.Price price(PriceBook.Row r) {
    return new PriceBooks.Price(
        r.app(), r.hosting(), r.effectiveFrom(), r.tier().toString(), r.price(), r.renewalPrice());
  }

  private static PriceBook.Row row(PriceBooks.Price p) {
    return new PriceBook.Row(
        p.app(),
        p.hosting(),
        p.effectiveFrom(),
        Tier.parse(p.tier()),
        p.priceCents(),
        p.renewalPriceCents());
  }
}
