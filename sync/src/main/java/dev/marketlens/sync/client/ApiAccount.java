package dev.marketlens.sync.client;

import dev.marketlens.model.id.DeveloperId;
import dev.marketlens.model.id.VendorId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Who reads the reports and where (spec §1, §3): the API's base URL and version, the vendor (v2) or
 * developer space (v3), and the Atlassian account's email and API token, sent as HTTP Basic. The
 * token never appears in {@link #toString()}.
 *
 * @param baseUrl the API's base, without {@code /rest/…}: {@link #V2_BASE} or {@link #V3_BASE} on
 *     the live API, the emulator's {@code http://host:port} in tests
 * @param version which API version to speak
 * @param vendorId the partner's numeric id; required for v2, ignored by v3
 * @param developerId the developer space; required for v3, ignored by v2
 * @param email the Atlassian account's email, the Basic user name
 * @param apiToken the account's API token, the Basic password
 */
public record ApiAccount(
    URI baseUrl,
    ApiVersion version,
    VendorId vendorId,
    DeveloperId developerId,
    String email,
    String apiToken) {

  /** The live v2 base (spec §1.1). */
  public static final URI V2_BASE = URI.create("https://marketplace.atlassian.com");

  /** The live v3 base (spec §1.1); paths continue with {@code /rest/3/…}. */
  public static final URI V3_BASE = URI.create("https://api.atlassian.com/marketplace");

  public ApiAccount {
    if (version == null) {
      throw new IllegalArgumentException("the account needs an API version, v2 or v3");
    }
    if (baseUrl == null) {
      baseUrl = version == ApiVersion.V2 ? V2_BASE : V3_BASE;
    }
    String scheme = baseUrl.getScheme();
    if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)
        || baseUrl.getHost() == null) {
      throw new IllegalArgumentException(
          "base URL must be an http(s) URL like https://marketplace.atlassian.com, got " + baseUrl);
    }
    if (baseUrl.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "base URL must not carry credentials; give the email and API token separately");
    }
    String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    baseUrl = URI.create(baseUrl.getScheme() + "://" + baseUrl.getRawAuthority() + path);
    if (version == ApiVersion.V2 && vendorId == null) {
      throw new IllegalArgumentException(
          "a v2 account needs the vendor id (numeric, e.g. 1212980)");
    }
    if (version == ApiVersion.V3 && developerId == null) {
      throw new IllegalArgumentException("a v3 account needs the developer id (a UUID)");
    }
    if (email == null || email.isBlank()) {
      throw new IllegalArgumentException("the account needs the Atlassian account's email");
    }
    if (apiToken == null || apiToken.isBlank()) {
      throw new IllegalArgumentException(
          "the account needs an API token (id.atlassian.com → Security → API tokens)");
    }
  }

  /** A v2 account on the live API. */
  public static ApiAccount v2(VendorId vendorId, String email, String apiToken) {
    return new ApiAccount(V2_BASE, ApiVersion.V2, vendorId, null, email, apiToken);
  }

  /** A v3 account on the live API. */
  public static ApiAccount v3(DeveloperId developerId, String email, String apiToken) {
    return new ApiAccount(V3_BASE, ApiVersion.V3, null, developerId, email, apiToken);
  }

  /** The same account on another base URL (the emulator, a proxy). */
  public ApiAccount withBaseUrl(URI baseUrl) {
    return new ApiAccount(baseUrl, version, vendorId, developerId, email, apiToken);
  }

  /**
   * The reporting path of the vendor or developer space, e.g. {@code /rest/2/vendors/1/reporting}.
   */
  public String reportingPath() {
    return version == ApiVersion.V2
        ? "/rest/2/vendors/" + vendorId.value() + "/reporting"
        : "/rest/3/reporting/developer-space/" + developerId.value();
  }

  /** {@code vendor 1212980} or {@code developer space <uuid>}, for messages. */
  public String space() {
    return version == ApiVersion.V2
        ? "vendor " + vendorId.value()
        : "developer space " + developerId.value();
  }

  String authorization() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((email + ":" + apiToken).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "ApiAccount["
        + version
        + " "
        + baseUrl
        + ", "
        + space()
        + ", "
        + email
        + ", token ****]";
  }
}
