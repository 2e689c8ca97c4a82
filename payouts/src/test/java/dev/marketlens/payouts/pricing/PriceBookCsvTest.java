package dev.marketlens.payouts.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.model.BillingPeriod;
import dev.marketlens.model.Hosting;
import dev.marketlens.model.Tier;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The price book CSV: what it reads, what it writes back, and every bad input by name. */
class PriceBookCsvTest {

  static final String HEADER = "App Key,Hosting,Effective From,Tier,Price,Renewal Price\n";

  static String bad(String rows) {
    try {
      PriceBookCsv.read(HEADER + rows, "prices.csv");
    } catch (PriceBookException e) {
      return e.getMessage();
    }
    throw new AssertionError("read without an error");
  }

  @Test
  @DisplayName("Reads plans by app, hosting and effective date, and writes the same CSV back")
  void roundTrip() {
    PriceBook book = PriceAuditTest.book();
    assertThat(book.plans()).hasSize(4);
    PriceBook.Plan cloud =
        book.planOn("com.example.app", Hosting.CLOUD, LocalDate.of(2025, 2, 28)).orElseThrow();
    assertThat(cloud.effectiveFrom()).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(cloud.termPrice(Tier.users(100), BillingPeriod.MONTHLY, false).getAsLong())
        .isEqualTo(19_000L);
    assertThat(PriceBookCsv.read(PriceBookCsv.write(book), "again.csv").rows())
        .isEqualTo(book.rows());
  }

  @Test
  @DisplayName("Quoted cells, CRLF line ends, a byte order mark and blank lines are read")
  void quotedCells() {
    PriceBook book =
        PriceBookCsv.read(
            "\uFEFF"
                + HEADER.replace("\n", "\r\n")
                + "\"com.example,odd\",Cloud,2024-01-01,\"10 Users\",5.00,\r\n\r\n",
            "prices.csv");
    assertThat(book.rows().get(0).app()).isEqualTo("com.example,odd");
  }

  @Test
  @DisplayName("An empty file asks for the header")
  void emptyFile() {
    assertThatThrownBy(() -> PriceBookCsv.read("", "prices.csv"))
        .hasMessage(
            "prices.csv: is empty: expected a header row App Key,Hosting,Effective From,Tier,Price");
  }

  @Test
  @DisplayName("A header without a required column names it")
  void missingColumn() {
    assertThatThrownBy(() -> PriceBookCsv.read("App Key,Hosting,Tier,Price\n", "prices.csv"))
        .hasMessage("prices.csv: line 1, column \"Effective From\" is missing from the header");
  }

  @Test
  @DisplayName("An unknown column is refused with the expected ones")
  void unknownColumn() {
    assertThatThrownBy(
            () ->
                PriceBookCsv.read(
                    "App Key,Hosting,Effective From,Tier,Price,Currency\n", "prices.csv"))
        .hasMessageStartingWith(
            "prices.csv: line 1: value \"Currency\" is not a column of this file");
  }

  @Test
  @DisplayName("A header with no rows is refused")
  void noRows() {
    assertThatThrownBy(() -> PriceBookCsv.read(HEADER, "prices.csv"))
        .hasMessage("prices.csv: has a header but no prices");
  }

  @Test
  @DisplayName("A row with a missing cell names its line")
  void shortRow() {
    assertThat(bad("app,Cloud,2024-01-01,10 Users\n"))
        .isEqualTo("prices.csv: line 2 has 4 cells; the header has 6");
  }

  @Test
  @DisplayName("An empty app key is refused")
  void emptyApp() {
    assertThat(bad(",Cloud,2024-01-01,10 Users,5.00,\n"))
        .isEqualTo(
            "prices.csv: line 2, column \"App Key\": value \"\" is empty: expected the app's key (addonKey)");
  }

  @Test
  @DisplayName("An unknown hosting names the value")
  void badHosting() {
    assertThat(bad("app,Mainframe,2024-01-01,10 Users,5.00,\n"))
        .isEqualTo(
            "prices.csv: line 2, column \"Hosting\": value \"Mainframe\" is not a hosting: expected"
                + " Cloud, Server or Data Center");
  }

  @Test
  @DisplayName("A date that is not YYYY-MM-DD names the value")
  void badDate() {
    assertThat(bad("app,Cloud,01/02/2024,10 Users,5.00,\n"))
        .isEqualTo(
            "prices.csv: line 2, column \"Effective From\": value \"01/02/2024\" is not a day:"
                + " expected YYYY-MM-DD");
  }

  @Test
  @DisplayName("Cloud prices tiers by user count: Unlimited Users is refused for Cloud")
  void cloudUnlimited() {
    assertThat(bad("app,Cloud,2024-01-01,Unlimited Users,5.00,\n"))
        .isEqualTo(
            "prices.csv: line 2, column \"Tier\": value \"Unlimited Users\" is not a cloud tier:"
                + " expected a user count like \"100 Users\"");
  }

  @Test
  @DisplayName("A tier that is not a tier names the value")
  void badTier() {
    assertThat(bad("app,Server,2024-01-01,Evaluation,5.00,\n"))
        .isEqualTo(
            "prices.csv: line 2, column \"Tier\": value \"Evaluation\" is not a Server tier:"
                + " expected \"25 Users\" or \"Unlimited Users\"");
  }

  @Test
  @DisplayName("A price with a currency sign is refused")
  void badPrice() {
    assertThat(bad("app,Server,2024-01-01,10 Users,$5.00,\n"))
        .isEqualTo(
            "prices.csv: line 2, column \"Price\": value \"$5.00\" is not an amount: expected US"
                + " dollars with at most 2 decimals, like 12.50");
  }

  @Test
  @DisplayName("A negative price is refused")
  void negativePrice() {
    assertThat(bad("app,Server,2024-01-01,10 Users,-5.00,\n"))
        .isEqualTo(
            "prices.csv: line 2, column \"Price\": value \"-5.00\" is negative: a price is zero or"
                + " more");
  }

  @Test
  @DisplayName("Fractions of a cent are refused")
  void fractionOfACent() {
    assertThat(bad("app,Server,2024-01-01,10 Users,5.005,\n"))
        .startsWith("prices.csv: line 2, column \"Price\": value \"5.005\" is not an amount");
  }

  @Test
  @DisplayName("SR-C1: a cloud row takes no renewal price")
  void cloudRenewalPrice() {
    assertThat(bad("app,Cloud,2024-01-01,10 Users,5.00,50.00\n"))
        .startsWith(
            "prices.csv: line 2, column \"Renewal Price\": value \"50.00\" is not allowed for"
                + " Cloud");
  }

  @Test
  @DisplayName("A tier priced twice in one plan names both lines")
  void duplicateTier() {
    assertThat(bad("app,Server,2024-01-01,10 Users,5.00,\napp,Server,2024-01-01,10 Users,6.00,\n"))
        .isEqualTo(
            "prices.csv: line 3, column \"Tier\": value \"10 Users\" is priced twice for app"
                + " Server from 2024-01-01 (first on line 2)");
  }

  @Test
  @DisplayName("A quote never closed names the line it opens on")
  void openQuote() {
    assertThat(bad("\"app,Server,2024-01-01,10 Users,5.00,\n"))
        .isEqualTo("prices.csv: line 2 has a quote that is never closed");
  }

  @Test
  @DisplayName("A price entered in a form is checked like a CSV row, naming the form and the field")
  void formPrice() {
    PriceBook.Row row =
        PriceBookCsv.price("price form", "app", "Server", "2024-01-01", "25 Users", "120.00", "");
    assertThat(row.price()).isEqualTo(12_000L);
    assertThat(row.renewalPrice()).isNull();
    assertThatThrownBy(
            () ->
                PriceBookCsv.price(
                    "price form", "app", "Server", "2024-01-01", "25 Users", "abc", ""))
        .hasMessage(
            "price form, column \"Price\": value \"abc\" is not an amount: expected US dollars with"
                + " at most 2 decimals, like 12.50");
  }
}
