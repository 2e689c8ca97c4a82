package dev.marketlens.web.payouts;

import dev.marketlens.payouts.remittance.RemittanceReconciliation;
import dev.marketlens.payouts.remittance.RemittanceTables;
import dev.marketlens.web.Page;
import dev.marketlens.web.revenue.Filters;
import dev.marketlens.web.security.Access;
import dev.marketlens.web.security.SignedIn;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /payouts/remittance}: the imported remittances reconciled month by month (remitted against
 * expected, the variance, the lines of each outcome), and for one month ({@code month=YYYY-MM}) the
 * totals per outcome and the lines needing attention — the rows of the remittance API.
 */
@Page
class RemittancePage {
  /** Lines shown on the page at most; the API and CSV have them all. */
  static final int LINES_SHOWN = 500;

  private final RemittanceBook book;
  private final Access access;

  RemittancePage(RemittanceBook book, Access access) {
    this.book = book;
    this.access = access;
  }

  @GetMapping("/payouts/remittance")
  String remittance(
      @ModelAttribute("filters") Filters filters,
      @RequestParam(required = false) String month,
      Authentication user,
      Model model) {
    YearMonth only = RemittanceApi.month(month);
    Set<Long> scope = access.scope(SignedIn.of(user), filters.account());
    List<YearMonth> months = book.months(scope);
    RemittanceReconciliation all = book.reconcile(scope, null);
    RemittanceReconciliation selected = only == null ? all : book.reconcile(scope, only);
    List<Map<String, Object>> lines = RemittanceTables.lines(selected, false).objects();
    model.addAttribute("months", months.stream().map(YearMonth::toString).toList());
    model.addAttribute("month", only == null ? null : only.toString());
    model.addAttribute("monthRows", RemittanceTables.months(all).objects());
    model.addAttribute("kindRows", RemittanceTables.kinds(selected).objects());
    model.addAttribute(
        "lineRows", lines.size() > LINES_SHOWN ? lines.subList(0, LINES_SHOWN) : lines);
    model.addAttribute("linesTotal", lines.size());
    model.addAttribute("linesShown", Math.min(lines.size(), LINES_SHOWN));
    model.addAttribute("empty", months.isEmpty());
    return "payouts/remittance";
  }
}
