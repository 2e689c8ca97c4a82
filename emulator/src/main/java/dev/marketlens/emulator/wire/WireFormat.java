package dev.marketlens.emulator.wire;

/**
 * The options that shape a license or transaction record on the wire: the API version (v3 adds
 * {@code productId} to JSON records, spec §12) and, for licenses only, {@code withDataInsights}
 * (spec §7.4).
 */
public record WireFormat(ApiVersion version, boolean withDataInsights) {

  /** The reporting API version a record is served by. */
  public enum ApiVersion {
    /** {@code /rest/2/vendors/{vendorId}/reporting}: records without {@code productId}. */
    V2,
    /** {@code /rest/3/reporting/developer-space/{developerId}}: records with {@code productId}. */
    V3
  }

  /** v2 records without data insights. */
  public static final WireFormat V2 = new WireFormat(ApiVersion.V2, false);

  /** v3 records without data insights. */
  public static final WireFormat V3 = new WireFormat(ApiVersion.V3, false);

  public WireFormat {
    if (version == null) {
      throw new IllegalArgumentException("a wire format needs an API version");
    }
  }

  /** The records of {@code version} without data insights. */
  public static WireFormat of(ApiVersion version) {
    return new WireFormat(version, false);
  }

  /** This format with the {@code withDataInsights} flag set as given. */
  public WireFormat dataInsights(boolean on) {
    return new WireFormat(version, on);
  }

  /** Whether JSON records carry {@code productId} (v3 only; CSV never does). */
  public boolean includesProductId() {
    return version == ApiVersion.V3;
  }
}
