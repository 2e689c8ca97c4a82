package dev.marketlens.emulator.world;

import java.util.List;
import java.util.SplittableRandom;

/** A seeded random stream with the draws the simulation needs; never the system's randomness. */
final class Rng {

  private final SplittableRandom random;

  Rng(long seed) {
    this.random = new SplittableRandom(seed);
  }

  private Rng(SplittableRandom random) {
    this.random = random;
  }

  /** An independent stream, so that draws on it never shift this one's later draws. */
  Rng split() {
    return new Rng(random.split());
  }

  /** True with probability {@code ppm} / 1,000,000. */
  boolean chance(int ppm) {
    return random.nextInt(Rates.MILLION) < ppm;
  }

  /** Uniform in {@code [lo, hi]}. */
  int between(int lo, int hi) {
    return random.nextInt(lo, hi + 1);
  }

  long nextLong() {
    return random.nextLong();
  }

  /** Uniform in [0, 1). Used for shapes of distributions, never for money. */
  double unit() {
    return random.nextDouble();
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** Picks an index with the given integer weights. */
  int weighted(int... weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    throw new IllegalStateException("unreachable");
  }

  /** A log-normally distributed whole number, clamped to {@code [min, max]}. */
  int logNormal(double mu, double sigma, int min, int max) {
    double z = gaussian();
    long v = Math.round(Math.exp(mu + sigma * z));
    return (int) Math.max(min, Math.min(max, v));
  }

  private double gaussian() {
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }

  /** SplitMix64's finaliser: a well-mixed hash of a long. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** A hash of several parts, for ids that depend only on what they identify. */
  static long hash(long... parts) {
    long h = 0x9E3779B97F4A7C15L;
    for (long p : parts) {
      h = mix(h ^ mix(p));
    }
    return h;
  }
}
