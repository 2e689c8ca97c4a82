package dev.marketlens.app;

import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.wire.ExportFormat;
import dev.marketlens.emulator.wire.ExportWriter;
import dev.marketlens.emulator.wire.RemittanceCsvWriter;
import dev.marketlens.emulator.wire.RemittanceRow;
import dev.marketlens.emulator.wire.WireFormat;
import dev.marketlens.emulator.world.GroundTruth;
import dev.marketlens.emulator.world.GroundTruthWriter;
import dev.marketlens.emulator.world.Remittance;
import dev.marketlens.emulator.world.World;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Writes a world to a directory: the licenses and transactions in Atlassian's export formats (v2,
 * licenses with data insights), each vendor's monthly remittance CSVs ({@code
 * remittance/YYYY-MM.csv}) and each vendor's ground truth. Everything is written to a staging
 * directory first and moved into place at the end, so a failed run leaves no half-written file.
 */
final class WorldFiles {

  static final List<String> EXPORTS =
      List.of("licenses.json", "licenses.csv", "transactions.json", "transactions.csv");

  private WorldFiles() {}

  /**
   * Writes {@code world} into {@code dir} and returns the files written, relative to {@code dir}.
   */
  static List<Path> write(World world, List<GroundTruth> truths, Path dir) throws IOException {
    return write(world, truths, dir, false);
  }

  /**
   * Writes {@code world} into {@code dir}, the remittance CSVs with injected mismatches or not, and
   * returns the files written, relative to {@code dir}.
   */
  static List<Path> write(
      World world, List<GroundTruth> truths, Path dir, boolean remittanceMismatches)
      throws IOException {
    Files.createDirectories(dir);
    Path staging = Files.createTempDirectory(dir, ".staging-");
    try {
      List<Path> written = new ArrayList<>();
      WireFormat wire = WireFormat.V2.dataInsights(true);
      file(
          staging,
          "licenses.json",
          written,
          out -> ExportWriter.licenses(ExportFormat.JSON, wire).write(world.licenses(), out));
      file(
          staging,
          "licenses.csv",
          written,
          out -> ExportWriter.licenses(ExportFormat.CSV, wire).write(world.licenses(), out));
      file(
          staging,
          "transactions.json",
          written,
          out ->
              ExportWriter.transactions(ExportFormat.JSON, wire).write(world.transactions(), out));
      file(
          staging,
          "transactions.csv",
          written,
          out ->
              ExportWriter.transactions(ExportFormat.CSV, wire).write(world.transactions(), out));
      file(
          staging,
          WorldSpecFile.NAME,
          written,
          out -> {
            try {
              out.write(WorldSpecFile.json(world.spec()));
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
      for (GroundTruth truth : truths) {
        String prefix =
            truths.size() == 1
                ? "ground-truth/"
                : "ground-truth/vendor-" + truth.vendor().vendorId() + "/";
        GroundTruthWriter writer = new GroundTruthWriter(truth);
        for (String name : GroundTruthWriter.FILES) {
          file(staging, prefix + name, written, out -> writer.write(name, out));
        }
        Remittance remittance = Remittance.of(world, truth.vendor(), remittanceMismatches);
        file(
            staging,
            prefix + GroundTruthWriter.REMITTANCE_TRUTH,
            written,
            out -> GroundTruthWriter.writeRemittance(remittance, out));
        String remittanceDir =
            truths.size() == 1
                ? "remittance/"
                : "remittance/vendor-" + truth.vendor().vendorId() + "/";
        for (Map.Entry<YearMonth, List<RemittanceRow>> month : remittance.months().entrySet()) {
          file(
              staging,
              remittanceDir + month.getKey() + ".csv",
              written,
              out -> RemittanceCsvWriter.write(month.getValue(), out));
        }
      }
      for (Path relative : written) {
        Path target = dir.resolve(relative);
        Files.createDirectories(target.getParent());
        Files.move(
            staging.resolve(relative),
            target,
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
      return written;
    } finally {
      deleteTree(staging);
    }
  }

  /**
   * Fails with a usage error naming {@code --out} unless {@code dir} is, or can be made, a writable
   * directory: checked before a long generation rather than after it.
   */
  static void checkWritableDirectory(Path dir, CommandLine cli) {
    if (dir.toString().isBlank()) {
      throw new ParameterException(cli, "--out: the directory is empty");
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new ParameterException(cli, "--out: " + dir + " exists and is not a directory");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ParameterException(cli, "--out: cannot create " + dir + " (" + e + ")");
    }
    if (!Files.isWritable(dir)) {
      throw new ParameterException(cli, "--out: " + dir + " is not writable");
    }
  }

  /** The ground truth of every vendor of a world. */
  static List<GroundTruth> truths(World world) {
    List<GroundTruth> truths = new ArrayList<>();
    for (Vendor v : world.vendors()) {
      truths.add(GroundTruth.of(world, v));
    }
    return truths;
  }

  private static void file(Path dir, String name, List<Path> written, Consumer<OutputStream> body)
      throws IOException {
    Path path = dir.resolve(name);
    Files.createDirectories(path.getParent());
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
      body.accept(out);
    }
    written.add(Path.of(name));
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
