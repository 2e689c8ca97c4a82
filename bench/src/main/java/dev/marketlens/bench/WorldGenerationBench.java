package dev.marketlens.bench;

import dev.marketlens.emulator.wire.ExportFormat;
import dev.marketlens.emulator.wire.ExportWriter;
import dev.marketlens.emulator.wire.Transaction;
import dev.marketlens.emulator.wire.WireFormat;
import dev.marketlens.emulator.world.GroundTruth;
import dev.marketlens.emulator.world.World;
import dev.marketlens.emulator.world.WorldGenerator;
import dev.marketlens.emulator.world.WorldSpec;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates a world of at least 1,000,000 transaction lines with its ground truth and reports wall
 * time and peak heap. Targets: under 15 s and under 2 GiB of heap on 2 cores. The reference run, in
 * the same process, copies the same number of transaction records and writes them as CSV to a null
 * stream: the ratio says how much more the simulation costs than merely producing and serialising
 * its output.
 *
 * <p>Usage: {@code bench/run world-generation [customers]} (default 130000 customers).
 */
public final class WorldGenerationBench {

  private WorldGenerationBench() {}

  public static void main(String[] args) {
    int customers = args.length > 0 ? Integer.parseInt(args[0]) : 130_000;
    WorldSpec spec = WorldSpec.of(42, customers);
    System.out.printf(
        "world generation: seed 42, %,d customers, %s..%s, %d cores, max heap %d MiB%n",
        customers,
        spec.from(),
        spec.to(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);

    // Warm-up on a small world so that the measured run is not dominated by class loading and JIT.
    new WorldGenerator().generate(WorldSpec.of(1, 3000));
    System.gc();
    Heap.resetPeaks();

    long t0 = System.nanoTime();
    World world = new WorldGenerator().generate(spec);
    long t1 = System.nanoTime();
    List<GroundTruth> truths = new ArrayList<>();
    world.vendors().forEach(v -> truths.add(GroundTruth.of(world, v)));
    long t2 = System.nanoTime();
    long peak = Heap.peak();
    int lines = world.transactionHistories().size();

    List<Transaction> transactions = world.transactions();
    long r0 = System.nanoTime();
    List<Transaction> copies = new ArrayList<>(transactions.size());
    for (Transaction t : transactions) {
      copies.add(
          new Transaction(
              t.transactionId(),
              t.transactionLineItemId(),
              t.ids(),
              t.addonKey(),
              t.productId(),
              t.addonName(),
              t.lastUpdated(),
              t.appEdition(),
              t.paymentStatus(),
              t.dunningStatus(),
              t.isInvoiceManual(),
              t.cloudComplianceBoundaries(),
              t.licenseLevel(),
              t.customerDetails(),
              t.purchaseDetails(),
              t.partnerDetails()));
    }
    ExportWriter.transactions(ExportFormat.CSV, WireFormat.V2)
        .write(copies, OutputStream.nullOutputStream());
    long r1 = System.nanoTime();

    double generate = (t1 - t0) / 1e9;
    double truth = (t2 - t1) / 1e9;
    double reference = (r1 - r0) / 1e9;
    System.out.printf(
        "  transaction lines         %,d (%,d versions); licenses %,d (%,d versions)%n",
        lines,
        world.transactionHistories().stream().mapToInt(h -> h.size()).sum(),
        world.licenseHistories().size(),
        world.licenseHistories().stream().mapToInt(h -> h.size()).sum());
    System.out.printf("  generate world            %6.2f s%n", generate);
    System.out.printf("  ground truth              %6.2f s%n", truth);
    System.out.printf("  total                     %6.2f s   (target < 15 s)%n", generate + truth);
    System.out.printf("  peak heap                 %,6d MiB (target < 2048 MiB)%n", peak >> 20);
    System.out.printf(
        "  reference (copy + CSV of the same lines) %6.2f s; ratio total/reference %.1fx%n",
        reference, (generate + truth) / reference);
    System.out.printf("  lines per second          %,d%n", (long) (lines / (generate + truth)));
    boolean ok = lines >= 1_000_000 && generate + truth < 15 && peak < (2L << 30);
    System.out.println(ok ? "  result: within targets" : "  result: OUTSIDE targets");
  }
}
