package dev.marketlens.app;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.net.URI;

/** Opens a page in the desktop's browser, where there is a desktop; silently does nothing else. */
final class Browser {
  private Browser() {}

  static void open(String url) {
    if (GraphicsEnvironment.isHeadless() || System.getenv("MARKETLENS_NO_BROWSER") != null) {
      return;
    }
    try {
      if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
        Desktop.getDesktop().browse(URI.create(url));
      }
    } catch (Exception | LinkageError e) {
      // No browser to open: the URL is printed anyway.
    }
  }
}
