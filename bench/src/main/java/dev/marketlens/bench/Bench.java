package dev.marketlens.bench;

import java.util.Arrays;

/** Entry point of {@code bench/run}: names a benchmark and passes it the remaining arguments. */
public final class Bench {

  private Bench() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println(
          "usage: bench/run BENCHMARK [ARGS]  (benchmarks: world-generation, reporting-api, import, incremental-sync, metrics, overview-api, remittance)");
      System.exit(2);
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "world-generation" -> WorldGenerationBench.main(rest);
      case "reporting-api" -> ReportingApiBench.main(rest);
      case "import" -> ImportBench.main(rest);
      case "incremental-sync" -> IncrementalSyncBench.main(rest);
      case "metrics" -> MetricsBench.main(rest);
      case "overview-api" -> OverviewApiBench.main(rest);
      case "remittance" -> RemittanceBench.main(rest);
      default -> {
        System.err.println(
            "unknown benchmark "
                + args[0]
                + " (benchmarks: world-generation, reporting-api, import, incremental-sync, metrics, overview-api, remittance)");
        System.exit(2);
      }
    }
  }
}
