package dev.marketlens.app;

import dev.marketlens.emulator.world.GroundTruth;
import dev.marketlens.emulator.world.Rates;
import dev.marketlens.emulator.world.World;
import dev.marketlens.emulator.world.WorldGenerator;
import dev.marketlens.emulator.world.WorldSpec;
import dev.marketlens.emulator.world.WorldSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code marketlens demo}: the whole product on a generated world. Until the dashboard exists it
 * generates the demo world into {@code $MARKETLENS_HOME/demo} and prints what it holds.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Generates a demo vendor world in $MARKETLENS_HOME/demo and prints its summary.")
final class DemoCommand implements Callable<Integer> {

  static final long DEMO_SEED = 42;
  static final int DEMO_CUSTOMERS = 3000;

  @Spec CommandSpec command;

  @Option(
      names = "--customers",
      paramLabel = "N",
      description = "Customers in the demo world (default: " + "${DEFAULT-VALUE}).")
  int customers = DEMO_CUSTOMERS;

  @Override
  public Integer call() throws Exception {
    if (customers < 1) {
      throw new picocli.CommandLine.ParameterException(
          command.commandLine(), "--customers: at least 1, got " + customers);
    }
    Path dir = Settings.home().resolve("demo");
    WorldFiles.checkWritableDirectory(dir, command.commandLine());
    WorldSpec spec =
        new WorldSpec(
            DEMO_SEED,
            customers,
            1,
            WorldSpec.DEFAULT_FROM,
            WorldSpec.DEFAULT_TO,
            Rates.defaults());
    World world = new WorldGenerator().generate(spec);
    List<GroundTruth> truths = WorldFiles.truths(world);
    WorldFiles.write(world, truths, dir);
    PrintWriter out = command.commandLine().getOut();
    out.println("Marketlens demo: a simulated Marketplace vendor");
    Summary.print(world, WorldSummary.of(world, truths), out);
    out.printf("Exports and ground truth: %s%n", dir.toAbsolutePath());
    out.println(
        "Serve this world through the Marketplace reporting API: ./marketlens emulator --world "
            + dir.toAbsolutePath());
    out.println("The dashboard and REST API arrive in the next releases.");
    out.flush();
    return 0;
  }
}
