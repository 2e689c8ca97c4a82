package dev.marketlens.emulator.reporting;

import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.quirks.Quirk;
import dev.marketlens.emulator.reporting.Credentials.Account;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may read what (spec §3): the authenticated account (set by the request filter) must be a
 * member of the vendor or developer space in the path; an id that does not exist is 404, one the
 * account is not a member of is 403.
 */
final class Access {

  static final String ACCOUNT = Access.class.getName() + ".account";

  private final Marketplace market;

  Access(Marketplace market) {
    this.market = market;
  }

  static Account account(HttpServletRequest req) {
    Account a = (Account) req.getAttribute(ACCOUNT);
    if (a == null) {
      throw ApiException.unauthorized();
    }
    return a;
  }

  /** The scope of a v2 ({@code vendorId}) or v3 ({@code developerId}) path. */
  Scope scope(HttpServletRequest req, String vendorId, String developerId) {
    Account a = account(req);
    Vendor vendor = vendorId != null ? vendorById(vendorId) : market.developerSpace(developerId);
    if (vendor == null) {
      throw ApiException.notFound("The resource does not exist");
    }
    member(a, vendor);
    return vendorId != null
        ? Scope.v2(vendor)
        : Scope.v3(vendor, market.quirk(Quirk.V3_PREFIXED_HREFS));
  }

  /** The vendor of a numeric vendor id, or null. */
  Vendor vendorById(String vendorId) {
    try {
      return market.vendor(Long.parseLong(vendorId));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static void member(Account a, Vendor vendor) {
    if (!a.vendorIds().contains(vendor.vendorId())) {
      throw ApiException.forbidden();
    }
  }

  static Params params(HttpServletRequest req) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    req.getParameterMap().forEach((k, v) -> map.put(k, Arrays.asList(v)));
    return new Params(map);
  }
}
