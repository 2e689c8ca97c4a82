package dev.marketlens.emulator.reporting;

import dev.marketlens.emulator.commerce.App;
import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.reporting.Credentials.Account;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Discovery helpers (spec §11): vendor id → developer space (D1), the developer space (D2), its
 * apps with their product ids (D3, cursor paging) and the vendors of the caller (D4).
 */
@RestController
final class DeveloperSpaceController {

  /** D3's default page size. */
  static final int LISTING_PAGE = 10;

  private final Marketplace market;
  private final Access access;

  DeveloperSpaceController(Marketplace market, Access access) {
    this.market = market;
    this.access = access;
  }

  /** D1: {@code {"developerId": "<uuid>"}}. */
  @GetMapping("/rest/3/developer-space/vendor/{vendorId}")
  void developerIdOf(
      @PathVariable String vendorId, HttpServletRequest req, HttpServletResponse res) {
    Account a = Access.account(req);
    Vendor v = access.vendorById(vendorId);
    if (v == null) {
      throw ApiException.notFound("The resource does not exist");
    }
    Access.member(a, v);
    Json.write(
        res,
        200,
        g -> {
          g.writeStartObject();
          g.writeStringProperty("developerId", v.developerId());
          g.writeEndObject();
        });
  }

  /** D2: the developer space record. */
  @GetMapping("/rest/3/developer-space/{developerId}")
  void developerSpace(
      @PathVariable String developerId, HttpServletRequest req, HttpServletResponse res) {
    Vendor v = space(req, developerId);
    Json.write(
        res,
        200,
        g -> {
          g.writeStartObject();
          g.writeStringProperty("id", v.developerId());
          g.writeNumberProperty("vendorId", v.vendorId());
          g.writeStringProperty("name", v.name());
          g.writeStringProperty("status", "ACTIVE");
          g.writeStringProperty("type", "ATLASSIAN_EXTERNAL");
          g.writeNullProperty("organisationId");
          g.writeNumberProperty("version", 1);
          g.writeEndObject();
        });
  }

  /** D3: the developer space's apps, {@code limit} per page, paged by an opaque cursor. */
  @GetMapping("/rest/3/product-listing/developer-space/{developerId}")
  void productListing(
      @PathVariable String developerId, HttpServletRequest req, HttpServletResponse res) {
    Vendor v = space(req, developerId);
    Params p = Access.params(req);
    int limit = Math.min(p.integer("limit", LISTING_PAGE, 1), ReportingController.MAX_LIMIT);
    String cursor = p.single("cursor");
    int from = 0;
    if (cursor != null && !cursor.isEmpty()) {
      try {
        from = Integer.parseInt(cursor);
      } catch (NumberFormatException e) {
        from = -1;
      }
      if (from < 0 || from > v.apps().size()) {
        throw ApiException.badParam("cursor", "not a cursor of this listing: '" + cursor + "'");
      }
    }
    List<App> apps = v.apps();
    int start = from;
    int end = Math.min(apps.size(), from + limit);
    Json.write(
        res,
        200,
        g -> {
          g.writeStartObject();
          g.writeArrayPropertyStart("items");
          for (App app : apps.subList(start, end)) {
            g.writeStartObject();
            g.writeStringProperty("productId", app.productId());
            g.writeStringProperty("appKey", app.addonKey());
            g.writeStringProperty("appName", app.name());
            g.writeStringProperty("state", "PUBLIC");
            g.writeStringProperty("approvalStatus", "APPROVED");
            g.writeStringProperty("hostProduct", app.hostProduct().name());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeObjectPropertyStart("links");
          if (end < apps.size()) {
            g.writeStringProperty(
                "next",
                "/rest/3/product-listing/developer-space/"
                    + v.developerId()
                    + "?cursor="
                    + end
                    + "&limit="
                    + limit);
          }
          g.writeEndObject();
          g.writeEndObject();
        });
  }

  /** D4: {@code GET /rest/2/vendors?forThisUser=true}, the vendors the caller belongs to. */
  @GetMapping("/rest/2/vendors")
  void vendors(HttpServletRequest req, HttpServletResponse res) {
    Account a = Access.account(req);
    Access.params(req).bool("forThisUser", false);
    List<Vendor> mine =
        market.vendors().stream().filter(v -> a.vendorIds().contains(v.vendorId())).toList();
    Json.write(
        res,
        200,
        g -> {
          g.writeStartObject();
          g.writeNumberProperty("count", mine.size());
          g.writeObjectPropertyStart("_embedded");
          g.writeArrayPropertyStart("vendors");
          for (Vendor v : mine) {
            g.writeStartObject();
            g.writeStringProperty("name", v.name());
            g.writeNumberProperty("id", v.vendorId());
            g.writeObjectPropertyStart("_links");
            Json.link(g, "self", "/rest/2/vendors/" + v.vendorId());
            g.writeEndObject();
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
          g.writeEndObject();
        });
  }

  private Vendor space(HttpServletRequest req, String developerId) {
    Account a = Access.account(req);
    Vendor v = market.developerSpace(developerId);
    if (v == null) {
      throw ApiException.notFound("The resource does not exist");
    }
    Access.member(a, v);
    return v;
  }
}
