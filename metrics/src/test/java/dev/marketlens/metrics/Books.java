package dev.marketlens.metrics;

import dev.marketlens.metrics.conversion.Evaluation;
import dev.marketlens.metrics.mrr.Book;
import dev.marketlens.metrics.segments.Dimension;
import dev.marketlens.model.BillingPeriod;
import dev.marketlens.model.Money;
import dev.marketlens.model.SaleType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written books for the worked examples: lines by customer and license, in dollars, with NET =
 * GROSS = LIST unless a test sets them apart.
 */
final class Books {

  private final Book.Builder builder = Book.builder();
  private final List<Evaluation> evaluations = new ArrayList<>();
  private String app = "com.example.app";
  private String hosting = "Cloud";

  static Books book() {
    return new Books();
  }

  Books app(String key) {
    this.app = key;
    return this;
  }

  Books hosting(String value) {
    this.hosting = value;
    return this;
  }

  /** An annual line. */
  Books annual(
      String customer, String license, SaleType type, String start, String end, String usd) {
    return line(customer, license, type, start, end, BillingPeriod.ANNUAL, usd, start);
  }

  /** A monthly line. */
  Books monthly(
      String customer, String license, SaleType type, String start, String end, String usd) {
    return line(customer, license, type, start, end, BillingPeriod.MONTHLY, usd, start);
  }

  Books line(
      String customer,
      String license,
      SaleType type,
      String start,
      String end,
      BillingPeriod billing,
      String usd,
      String saleDate) {
    long cents = Money.parse(usd).cents();
    return line(customer, license, type, start, end, billing, cents, cents, saleDate);
  }

  Books line(
      String customer,
      String license,
      SaleType type,
      String start,
      String end,
      BillingPeriod billing,
      long netCents,
      long grossCents,
      String saleDate) {
    builder.line(
        builder.license(license),
        builder.customer(customer),
        profile(billing),
        type,
        day(start),
        day(end),
        day(saleDate),
        billing,
        netCents,
        grossCents,
        grossCents);
    return this;
  }

  /** An evaluation of the current app and hosting. */
  Books evaluation(String customer, String license, String start, String end) {
    evaluations.add(
        new Evaluation(
            builder.customer(customer),
            builder.license(license),
            profile(null),
            (int) day(start),
            (int) day(end),
            -1,
            Evaluation.NO_DATE));
    return this;
  }

  private int profile(BillingPeriod billing) {
    String[] v = new String[Dimension.values().length];
    v[Dimension.APP.ordinal()] = app;
    v[Dimension.HOSTING.ordinal()] = hosting;
    v[Dimension.BILLING_PERIOD.ordinal()] = billing == null ? null : billing.wire();
    return builder.profile(v);
  }

  /** The evaluations added so far. */
  List<Evaluation> evaluations() {
    return List.copyOf(evaluations);
  }

  Metrics metrics(String asOf) {
    return metrics(Parameters.defaults(LocalDate.parse(asOf)));
  }

  Metrics metrics(Parameters parameters) {
    return Metrics.of(builder.build(), evaluations, parameters);
  }

  static long day(String date) {
    return LocalDate.parse(date).toEpochDay();
  }

  static Metrics.View months(String from, String to) {
    return Metrics.View.of(YearMonth.parse(from), YearMonth.parse(to));
  }
}
