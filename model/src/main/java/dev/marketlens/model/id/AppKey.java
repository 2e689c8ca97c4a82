package dev.marketlens.model.id;

/** An app's key, {@code addonKey}, reverse-DNS by convention (spec §1.2). */
public record AppKey(String value) {

  public AppKey {
    IdFormat.check(
        "addonKey", value, IdFormat.NO_WHITESPACE, "an app key like com.example.app (no spaces)");
  }

  public static AppKey of(String value) {
    return new AppKey(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
