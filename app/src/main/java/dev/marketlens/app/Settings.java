package dev.marketlens.app;

import java.nio.file.Path;

/** Settings from the environment. */
final class Settings {

  private Settings() {}

  /** {@code $MARKETLENS_HOME}, default {@code ~/.marketlens}: where Marketlens keeps its data. */
  static Path home() {
    String home = System.getenv("MARKETLENS_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home);
    }
    return Path.of(System.getProperty("user.home"), ".marketlens");
  }
}
