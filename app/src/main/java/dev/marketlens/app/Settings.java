package dev.marketlens.app;

import java.nio.file.Path;

/** Settings from the environment. */
final class Settings {

  private Settings() {}

  /**
   * Where Marketlens keeps its data: the {@code marketlens.home} system property, else {@code
   * $MARKETLENS_HOME}, else {@code ~/.marketlens}.
   */
  static Path home() {
    String property = System.getProperty("marketlens.home");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String home = System.getenv("MARKETLENS_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home);
    }
    return Path.of(System.getProperty("user.home"), ".marketlens");
  }
}
