package dev.marketlens.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.model.Hosting;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Price books: per account, imported plan by plan, all or nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PriceBooksIT {
  @TempDir static Path home;

  private Database database;
  private PriceBooks books;
  private long acme;
  private long other;

  @BeforeAll
  void start() {
    database = Database.embedded(home);
    books = new PriceBooks(database);
    VendorAccounts accounts =
        new VendorAccounts(database.dataSource(), TokenCipher.forHome(home, null));
    acme = accounts.save(new VendorAccount.New("acme", "v2", null, null, null, null, null)).id();
    other = accounts.save(new VendorAccount.New("other", "v2", null, null, null, null, null)).id();
  }

  @AfterAll
  void stop() {
    database.close();
  }

  static PriceBooks.Price price(String day, String tier, long cents) {
    return new PriceBooks.Price(
        "app", Hosting.SERVER, LocalDate.parse(day), tier, cents, cents / 2);
  }

  @Test
  @DisplayName(
      "an import replaces the plans it names, keeps the others, and belongs to one account")
  void importReplacesPlans() {
    books.importPlans(
        acme,
        List.of(price("2024-01-01", "10 Users", 10_000), price("2024-01-01", "25 Users", 20_000)));
    books.importPlans(acme, List.of(price("2025-01-01", "10 Users", 12_000)));
    books.importPlans(acme, List.of(price("2024-01-01", "10 Users", 11_000)));
    assertThat(books.list(acme))
        .containsExactly(
            price("2024-01-01", "10 Users", 11_000), price("2025-01-01", "10 Users", 12_000));
    long fresh =
        new VendorAccounts(database.dataSource(), TokenCipher.forHome(home, null))
            .save(new VendorAccount.New("fresh", "v2", null, null, null, null, null))
            .id();
    assertThat(books.list(fresh)).isEmpty();
  }

  @Test
  @DisplayName("an import that fails on one price writes nothing")
  void allOrNothing() {
    books.importPlans(other, List.of(price("2024-01-01", "10 Users", 10_000)));
    assertThatThrownBy(
            () ->
                books.importPlans(
                    other,
                    List.of(
                        price("2024-01-01", "10 Users", 30_000),
                        price("2024-01-01", "25 Users", -1))))
        .isInstanceOf(StoreException.class);
    assertThat(books.list(other)).containsExactly(price("2024-01-01", "10 Users", 10_000));
  }

  @Test
  @DisplayName("a price is changed and removed one at a time")
  void putAndRemove() {
    long id = acme;
    books.put(
        id,
        new PriceBooks.Price(
            "edit", Hosting.CLOUD, LocalDate.parse("2024-01-01"), "10 Users", 500, null));
    books.put(
        id,
        new PriceBooks.Price(
            "edit", Hosting.CLOUD, LocalDate.parse("2024-01-01"), "10 Users", 700, null));
    assertThat(books.list(id))
        .filteredOn(p -> p.app().equals("edit"))
        .containsExactly(
            new PriceBooks.Price(
                "edit", Hosting.CLOUD, LocalDate.parse("2024-01-01"), "10 Users", 700, null));
    assertThat(books.remove(id, "edit", Hosting.CLOUD, LocalDate.parse("2024-01-01"), "10 Users"))
        .isTrue();
    assertThat(books.remove(id, "edit", Hosting.CLOUD, LocalDate.parse("2024-01-01"), "10 Users"))
        .isFalse();
  }
}
