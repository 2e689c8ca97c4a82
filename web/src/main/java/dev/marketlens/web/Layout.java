package dev.marketlens.web;

import dev.marketlens.metrics.segments.Dimension;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.web.revenue.Filters;
import dev.marketlens.web.revenue.RevenueBooks;
import dev.marketlens.web.security.Access;
import dev.marketlens.web.security.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout shows: who is signed in, the vendor accounts they see, the global
 * filters (months, account, basis and one per dimension) and the values each filter can take.
 */
@ControllerAdvice(annotations = Page.class)
public class Layout {
  /** The dimensions offered as global filters, in the order the filter bar shows them. */
  public static final List<Dimension> FILTERS =
      List.of(
          Dimension.APP,
          Dimension.HOSTING,
          Dimension.TIER,
          Dimension.EDITION,
          Dimension.PARENT_PRODUCT,
          Dimension.COUNTRY,
          Dimension.REGION,
          Dimension.SALE_CHANNEL);

  private final Access access;
  private final RevenueBooks books;
  private final Clock clock;

  Layout(Access access, RevenueBooks books, Clock clock) {
    this.access = access;
    this.books = books;
    this.clock = clock;
  }

  @ModelAttribute("me")
  SignedIn me(Authentication authentication) {
    return authentication == null ? null : SignedIn.of(authentication);
  }

  @ModelAttribute("accounts")
  List<VendorAccount> accounts(Authentication authentication) {
    return authentication == null ? List.of() : access.visible(SignedIn.of(authentication));
  }

  @ModelAttribute("filters")
  Filters filters(HttpServletRequest request) {
    return Filters.of(request.getParameterMap(), LocalDate.now(clock));
  }

  /** Each filter dimension with the values it takes in the data the user sees. */
  @ModelAttribute("choices")
  Map<Dimension, SortedSet<String>> choices(
      Authentication authentication, HttpServletRequest request) {
    if (authentication == null) {
      return Map.of();
    }
    Filters filters = filters(request);
    Map<Dimension, SortedSet<String>> all =
        books.values(access.scope(SignedIn.of(authentication), filters.account()));
    Map<Dimension, SortedSet<String>> shown = new LinkedHashMap<>();
    for (Dimension d : FILTERS) {
      shown.put(d, all.get(d));
    }
    return shown;
  }

  /** The filters as a query string ({@code &account=…&hosting=…}) for links that keep them. */
  @ModelAttribute("keep")
  String keep(HttpServletRequest request) {
    return filters(request).keep();
  }

  @ModelAttribute("path")
  String path(HttpServletRequest request) {
    return request.getRequestURI();
  }
}
