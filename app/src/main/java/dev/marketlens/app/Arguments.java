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
