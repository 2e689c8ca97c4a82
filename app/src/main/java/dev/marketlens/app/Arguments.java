package dev.marketlens.app;

import dev.marketlens.metrics.report.ReportTable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Option values the metrics commands share, checked with messages that exit with code 2. */
final class Arguments {

  private Arguments() {}

  static CommandLine.ParameterException bad(CommandSpec command, String message) {
    return new CommandLine.ParameterException(command.commandLine(), message);
  }

  static YearMonth month(CommandSpec command, String option, String text) {
    try {
      return YearMonth.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw bad(command, option + " must be a month as YYYY-MM, not '" + text + "'");
    }
  }

  /** {@code --as-of}: the day given, or today in UTC. */
  static LocalDate asOf(CommandSpec command, String text) {
    if (text == null) {
      return LocalDate.now(ZoneOffset.UTC);
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw bad(command, "--as-of must be a day as YYYY-MM-DD, not '" + text + "'");
    }
  }

  /** The months from {@code --from} to {@code --to}. */
  record Months(YearMonth first, YearMonth last) {}

  /**
   * {@code --from} and {@code --to} as given, by default the twelve months up to the month of
   * {@code day}: the first not after the last, at most a hundred years apart.
   */
  static Months twelveMonthsUpTo(CommandSpec command, String from, String to, LocalDate day) {
    YearMonth last = to == null ? YearMonth.from(day) : month(command, "--to", to);
    YearMonth first = from == null ? last.minusMonths(11) : month(command, "--from", from);
    months(command, first, last);
    if (first.plusYears(100).isBefore(last)) {
      throw bad(
          command, "--from " + first + " to --to " + last + " spans more than a hundred years");
    }
    return new Months(first, last);
  }

  /** {@code --from} and {@code --to}, the first not after the second. */
  static void months(CommandSpec command, YearMonth first, YearMonth last) {
    if (first.isAfter(last)) {
      throw bad(command, "--from " + first + " is after --to " + last);
    }
  }

  static ReportTable.Format format(CommandSpec command, String text) {
    return ReportTable.Format.parse(text)
        .orElseThrow(
            () -> bad(command, "unknown format '" + text + "'; expected table, json or csv"));
  }
}
