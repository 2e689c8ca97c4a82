package dev.marketlens.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * CPU time used by this JVM and by an embedded PostgreSQL (its postmaster, live backends and the
 * backends that have exited), from {@code /proc} (Linux). On a shared machine the wall time depends
 * on what else runs; CPU time much less so.
 */
final class CpuTime {
  private static final double TICK = 100.0; // USER_HZ on Linux

  private final Optional<Path> dataDirectory;

  CpuTime(Optional<Path> dataDirectory) {
    this.dataDirectory = dataDirectory;
  }

  /** Seconds of CPU: [JVM, PostgreSQL]. */
  double[] now() {
    double jvm =
        ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime()
            / 1e9;
    return new double[] {jvm, postgres()};
  }

  private double postgres() {
    if (dataDirectory.isEmpty()) {
      return 0;
    }
    try {
      String pid =
          Files.readAllLines(
                  dataDirectory.get().resolve("postmaster.pid"), StandardCharsets.US_ASCII)
              .get(0)
              .trim();
      long[] postmaster = stat(Path.of("/proc", pid));
      // utime + stime of the postmaster, and cutime + cstime: its children that have exited.
      long ticks = postmaster[1] + postmaster[2] + postmaster[3] + postmaster[4];
      try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
        for (Path proc : procs) {
          long[] s;
          try {
            s = stat(proc);
          } catch (IOException | RuntimeException gone) {
            continue;
          }
          if (Long.toString(s[0]).equals(pid)) {
            ticks += s[1] + s[2];
          }
        }
      }
      return ticks / TICK;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** ppid, utime, stime, cutime, cstime of a process. */
  private static long[] stat(Path proc) throws IOException {
    String stat = Files.readString(proc.resolve("stat"), StandardCharsets.US_ASCII);
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // after "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt
    // utime stime cutime cstime
    return new long[] {
      Long.parseLong(f[1]),
      Long.parseLong(f[11]),
      Long.parseLong(f[12]),
      Long.parseLong(f[13]),
      Long.parseLong(f[14])
    };
  }
}
