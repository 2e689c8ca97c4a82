package dev.marketlens.app;

import dev.marketlens.metrics.report.ReportTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --format table|json|csv}, shared by the commands that print a report table. */
final class FormatOption {

  @Option(
      names = "--format",
      paramLabel = "table|json|csv",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  String text = "table";

  /** The format asked for; an unknown one is a usage error of {@code command}. */
  ReportTable.Format parse(CommandSpec command) {
    return Arguments.format(command, text);
  }
}
