package dev.marketlens.web.browser;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Starting the tests' browser")
class BrowserStartTest {

  @Test
  @DisplayName("without Chromium the browser tests fail and say what to install")
  void chromiumMissing() {
    Path missing = Path.of("/nonexistent/chromium");

    assertThatThrownBy(
            () -> Browser.start("http://localhost:1", missing, Path.of("/usr/bin/chromedriver")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/nonexistent/chromium is missing")
        .hasMessageContaining("apt-get install chromium chromium-driver");
  }

  @Test
  @DisplayName("without chromedriver the browser tests fail and say what to install")
  void driverMissing() {
    Path missing = Path.of("/nonexistent/chromedriver");

    assertThatThrownBy(
            () -> Browser.start("http://localhost:1", Path.of("/usr/bin/chromium"), missing))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/nonexistent/chromedriver is missing")
        .hasMessageContaining("apt-get install chromium chromium-driver");
  }
}
