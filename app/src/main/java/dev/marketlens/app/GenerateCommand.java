package dev.marketlens.app;

import dev.marketlens.emulator.world.GroundTruth;
import dev.marketlens.emulator.world.World;
import dev.marketlens.emulator.world.WorldGenerator;
import dev.marketlens.emulator.world.WorldSpec;
import dev.marketlens.emulator.world.WorldSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code marketlens generate}: writes a simulated vendor world in Atlassian's export formats with
 * its ground truth.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generates a vendor's world deterministically from a seed.",
      "Writes licenses.json, licenses.csv, transactions.json and transactions.csv",
      "in Atlassian's export formats, the monthly remittance CSVs in remittance/YYYY-MM.csv,",
      "and the ground truth in ground-truth/*.json."
    })
final class GenerateCommand implements Callable<Integer> {

  @Spec CommandSpec command;

  @Mixin WorldOptions world;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Directory to write to.")
  Path out;

  @Option(
      names = "--remittance-mismatches",
      description =
          "Inject realistic mismatches into the remittance CSVs (a missing line, a changed"
              + " amount, a cancelled refund), recorded in ground-truth/remittance-truth.json.")
  boolean remittanceMismatches;

  @Override
  public Integer call() throws Exception {
    WorldSpec spec = world.spec();
    WorldFiles.checkWritableDirectory(out, command.commandLine());
    long started = System.nanoTime();
    World generated = new WorldGenerator().generate(spec);
    List<GroundTruth> truths = WorldFiles.truths(generated);
    WorldFiles.write(generated, truths, out, remittanceMismatches);
    PrintWriter stdout = command.commandLine().getOut();
    Summary.print(generated, WorldSummary.of(generated, truths), stdout);
    stdout.printf(
        Locale.ROOT,
        "Wrote %s in %.1f s%n",
        out.toAbsolutePath(),
        (System.nanoTime() - started) / 1e9);
    stdout.flush();
    return 0;
  }
}
