package dev.marketlens.emulator.wire;

import java.util.Locale;

/** The body formats of the export endpoints (spec §7.5, §8.5): a JSON array or a CSV table. */
public enum ExportFormat {
  JSON("application/json"),
  CSV("text/csv");

  private final String mediaType;

  ExportFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  /** The media type without parameters, e.g. {@code text/csv}. */
  public String mediaType() {
    return mediaType;
  }

  /** The {@code Content-Type} header value of an export body, UTF-8 (spec §7.5 [EMU]). */
  public String contentType() {
    return mediaType + ";charset=UTF-8";
  }

  /**
   * Reads the {@code accept} query parameter, which allows exactly {@code csv} and {@code json}.
   *
   * @throws IllegalArgumentException with the API's message {@code accept: allowable values are
   *     'csv','json'}
   */
  public static ExportFormat fromAcceptParam(String value) {
    if ("json".equals(value)) {
      return JSON;
    }
    if ("csv".equals(value)) {
      return CSV;
    }
    throw new IllegalArgumentException("accept: allowable values are 'csv','json'");
  }

  /**
   * Chooses the format from an {@code Accept} header when no {@code accept} parameter was given
   * (spec §7.5): CSV when the header names {@code text/csv}, JSON for anything else, {@code
   * *}{@code /*} and an absent header included.
   */
  public static ExportFormat fromAcceptHeader(String header) {
    if (header != null && header.toLowerCase(Locale.ROOT).contains("text/csv")) {
      return CSV;
    }
    return JSON;
  }
}
