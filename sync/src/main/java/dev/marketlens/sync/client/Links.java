package dev.marketlens.sync.client;

import java.net.URI;

/**
 * Resolves the API's link hrefs (spec §4.2, K27): an absolute URL as it is; {@code /rest/…} against
 * the base URL (keeping its path, so v3's {@code /marketplace} stays); another leading {@code /} is
 * a v3 href without {@code /rest/3}, so v3 puts that prefix in front (v2 takes it against the base
 * as it is).
 */
final class Links {

  private Links() {}

  /** The URL of {@code href}; an href that is no URL is an {@link ApiException}. */
  static URI resolve(ApiAccount account, String href) {
    try {
      return parse(account, href);
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          ApiException.Reason.DAMAGED_BODY,
          "GET",
          href,
          200,
          null,
          "the API linked to \"" + href + "\", which is not a URL (" + e.getMessage() + ")",
          e);
    }
  }

  private static URI parse(ApiAccount account, String href) {
    if (href == null || href.isBlank()) {
      throw new IllegalArgumentException("empty href");
    }
    String h = href.strip();
    URI parsed = URI.create(h);
    if (parsed.isAbsolute()) {
      return parsed;
    }
    String base = account.baseUrl().toString();
    if (h.startsWith("/rest/")) {
      return URI.create(base + h);
    }
    if (h.startsWith("/")) {
      return URI.create(base + (account.version() == ApiVersion.V3 ? "/rest/3" : "") + h);
    }
    return URI.create(base + account.reportingPath() + "/" + h);
  }
}
