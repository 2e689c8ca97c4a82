package dev.marketlens.emulator.wire;

/**
 * The options that shape a license or transaction record on the wire: the API version (v3 adds
 * {@code productId} to JSON records, spec §12), for licenses only {@code withDataInsights} (spec
 * §7.4), and whether JSON records spell Data Center hosting in the live API's variants (K21).
 */
public record WireFormat(ApiVersion version, boolean withDataInsights, boolean hostingVariants) {

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

  /** Records of {@code version}, with or without data insights, hosting spelled as documented. */
  public WireFormat(ApiVersion version, boolean withDataInsights) {
    this(version, withDataInsights, false);
  }

  /** The records of {@code version} without data insights. */
  public static WireFormat of(ApiVersion version) {
    return new WireFormat(version, false);
  }

  /** This format with the {@code withDataInsights} flag set as given. */
  public WireFormat dataInsights(boolean on) {
    return new WireFormat(version, on, hostingVariants);
  }

  /**
   * This format with Data Center spelled {@code Data center} on about half the JSON records (chosen
   * by record), as the live API does in places (K21); CSV keeps {@code Data Center}.
   */
  public WireFormat hostingVariants(boolean on) {
    return new WireFormat(version, withDataInsights, on);
  }

  /** The hosting as this format spells it for the record keyed {@code key}. */
  String hosting(Hosting hosting, String key) {
    if (hostingVariants
        && hosting == Hosting.DATA_CENTER
        && key != null
        && (key.hashCode() & 1) == 0) {
      return "Data center";
    }
    return hosting == null ? null : hosting.wire();
  }

  /** Whether JSON records carry {@code productId} (v3 only; CSV never does). */
  public boolean includesProductId() {
    return version == ApiVersion.V3;
  }
}
