package dev.marketlens.model;

/** How the model reads optional text: blank is absent. */
final class Text {

  private Text() {}

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
