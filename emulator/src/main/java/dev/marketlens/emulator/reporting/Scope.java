package dev.marketlens.emulator.reporting;

import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.wire.WireFormat.ApiVersion;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whose reports a request reads and through which API version: the vendor, and the root its {@code
 * _links} hrefs start from (spec §4.2): v2 {@code /rest/2/vendors/{vendorId}/reporting}; v3 {@code
 * /reporting/developer-space/{developerId}} as the live API writes them, or with the {@code
 * /rest/3} prefix when switched on.
 */
public record Scope(Vendor vendor, ApiVersion version, String hrefRoot) {

  public static Scope v2(Vendor vendor) {
    return new Scope(vendor, ApiVersion.V2, "/rest/2/vendors/" + vendor.vendorId() + "/reporting");
  }

  public static Scope v3(Vendor vendor, boolean prefixedHrefs) {
    return new Scope(
        vendor,
        ApiVersion.V3,
        (prefixedHrefs ? "/rest/3" : "") + "/reporting/developer-space/" + vendor.developerId());
  }

  /** {@code hrefRoot + suffix}, with {@code params} (minus {@code drop}) and {@code extra}. */
  public String href(String suffix, Params params, Set<String> drop, String... extra) {
    StringBuilder b = new StringBuilder(hrefRoot).append(suffix);
    char sep = '?';
    for (Map.Entry<String, List<String>> e : params.asMap().entrySet()) {
      if (drop.contains(e.getKey())) {
        continue;
      }
      for (String v : e.getValue()) {
        b.append(sep).append(encode(e.getKey())).append('=').append(encode(v));
        sep = '&';
      }
    }
    for (int i = 0; i < extra.length; i += 2) {
      b.append(sep).append(encode(extra[i])).append('=').append(encode(extra[i + 1]));
      sep = '&';
    }
    return b.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
