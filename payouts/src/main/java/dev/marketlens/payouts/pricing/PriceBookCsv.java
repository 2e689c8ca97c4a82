package dev.marketlens.payouts.pricing;

import dev.marketlens.model.Hosting;
import dev.marketlens.model.ModelException;
import dev.marketlens.model.Money;
import dev.marketlens.model.Tier;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The price book CSV (documented in {@code docs/payouts/pricing.md}): one row per tier price of a
 * plan, with the header {@code App Key,Hosting,Effective From,Tier,Price,Renewal Price} ({@code
 * Renewal Price} optional). Reading checks every cell and the whole file before anything is kept:
 * each problem is a {@link PriceBookException} naming the file, line, column and value.
 */
public final class PriceBookCsv {

  public static final String APP = "App Key";
  public static final String HOSTING = "Hosting";
  public static final String EFFECTIVE_FROM = "Effective From";
  public static final String TIER = "Tier";
  public static final String PRICE = "Price";
  public static final String RENEWAL_PRICE = "Renewal Price";

  public static final List<String> REQUIRED = List.of(APP, HOSTING, EFFECTIVE_FROM, TIER, PRICE);
  public static final List<String> OPTIONAL = List.of(RENEWAL_PRICE);

  private PriceBookCsv() {}

  /**
   * Reads a price book.
   *
   * @param source the file name, which starts every error message
   */
  public static PriceBook read(String text, String source) {
    Csv csv = Csv.read(text, source, REQUIRED, OPTIONAL);
    List<PriceBook.Row> rows = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    for (Csv.Row line : csv.data()) {
      PriceBook.Row row = row(csv, line);
      String key =
          row.app()
              + "|"
              + row.hosting()
              + "|"
              + row.effectiveFrom()
              + "|"
              + PriceBook.key(row.tier());
      Integer earlier = firstLine.putIfAbsent(key, line.line());
      if (earlier != null) {
        throw csv.error(
            line,
            TIER,
            row.tier().toString(),
            "is priced twice for "
                + row.app()
                + " "
                + row.hosting().wire()
                + " from "
                + row.effectiveFrom()
                + " (first on line "
                + earlier
                + ")");
      }
      rows.add(row);
    }
    if (rows.isEmpty()) {
      throw new PriceBookException(source, 0, null, null, "has a header but no prices");
    }
    return PriceBook.of(rows);
  }

  /**
   * One price entered in a form, checked as a CSV row is: errors name {@code source}, the column
   * and the value.
   */
  public static PriceBook.Row price(
      String source,
      String app,
      String hosting,
      String effectiveFrom,
      String tier,
      String price,
      String renewalPrice) {
    Csv csv =
        Csv.single(
            source,
            List.of(APP, HOSTING, EFFECTIVE_FROM, TIER, PRICE, RENEWAL_PRICE),
            java.util.Arrays.asList(
                blank(app),
                blank(hosting),
                blank(effectiveFrom),
                blank(tier),
                blank(price),
                blank(renewalPrice)));
    return row(csv, csv.data().get(0));
  }

  private static String blank(String text) {
    return text == null ? "" : text;
  }

  /** One data row, checked cell by cell. */
  static PriceBook.Row row(Csv csv, Csv.Row line) {
    String app = csv.cell(line, APP);
    if (app.isEmpty()) {
      throw csv.error(line, APP, app, "is empty: expected the app's key (addonKey)");
    }
    String hostingText = csv.cell(line, HOSTING);
    Hosting hosting;
    try {
      hosting = Hosting.fromWire(hostingText);
    } catch (ModelException e) {
      throw csv.error(
          line, HOSTING, hostingText, "is not a hosting: expected Cloud, Server or Data Center");
    }
    String dateText = csv.cell(line, EFFECTIVE_FROM);
    LocalDate from;
    try {
      from = LocalDate.parse(dateText);
    } catch (DateTimeParseException e) {
      throw csv.error(line, EFFECTIVE_FROM, dateText, "is not a day: expected YYYY-MM-DD");
    }
    String tierText = csv.cell(line, TIER);
    Tier tier;
    try {
      tier = Tier.parse(tierText);
    } catch (ModelException e) {
      tier = null;
    }
    boolean users = tier != null && tier.kind() == Tier.Kind.USERS && tier.users().getAsInt() > 0;
    boolean unlimited = tier != null && tier.kind() == Tier.Kind.UNLIMITED_USERS;
    if (hosting == Hosting.CLOUD ? !users : !(users || unlimited)) {
      throw csv.error(
          line,
          TIER,
          tierText,
          hosting == Hosting.CLOUD
              ? "is not a cloud tier: expected a user count like \"100 Users\""
              : "is not a "
                  + hosting.wire()
                  + " tier: expected \"25 Users\" or \"Unlimited Users\"");
    }
    long price = amount(csv, line, PRICE, csv.cell(line, PRICE));
    String renewalText = csv.cell(line, RENEWAL_PRICE);
    Long renewal = null;
    if (!renewalText.isEmpty()) {
      if (hosting == Hosting.CLOUD) {
        throw csv.error(
            line,
            RENEWAL_PRICE,
            renewalText,
            "is not allowed for Cloud: a cloud renewal costs the monthly price, or 10 × it for a"
                + " year (SR-C1); leave it empty");
      }
      renewal = amount(csv, line, RENEWAL_PRICE, renewalText);
    }
    return new PriceBook.Row(app, hosting, from, tier, price, renewal);
  }

  private static long amount(Csv csv, Csv.Row line, String column, String text) {
    Money money;
    try {
      money = Money.parse(text);
    } catch (ModelException e) {
      throw csv.error(
          line,
          column,
          text,
          "is not an amount: expected US dollars with at most 2 decimals, like 12.50");
    }
    if (money.isNegative()) {
      throw csv.error(line, column, text, "is negative: a price is zero or more");
    }
    return money.cents();
  }

  /** The book as CSV, with the header, one row per price, lines ending in CRLF. */
  public static String write(PriceBook book) {
    StringBuilder b = new StringBuilder();
    b.append(String.join(",", REQUIRED)).append(',').append(RENEWAL_PRICE).append("\r\n");
    for (PriceBook.Row r : book.rows()) {
      b.append(quote(r.app()))
          .append(',')
          .append(r.hosting().wire())
          .append(',')
          .append(r.effectiveFrom())
          .append(',')
          .append(r.tier())
          .append(',')
          .append(dollars(r.price()))
          .append(',')
          .append(r.renewalPrice() == null ? "" : dollars(r.renewalPrice()))
          .append("\r\n");
    }
    return b.toString();
  }

  static String dollars(long cents) {
    return java.math.BigDecimal.valueOf(cents, 2).toPlainString();
  }

  private static String quote(String text) {
    if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
