package dev.marketlens.web.payouts;

import dev.marketlens.payouts.remittance.RemittanceReconciliation;
import dev.marketlens.payouts.remittance.Remitted;
import dev.marketlens.store.Database;
import dev.marketlens.store.RemittanceLines;
import dev.marketlens.web.revenue.RevenueBooks;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The imported remittances of an account scope reconciled with its transaction lines (from {@link
 * RevenueBooks}, loaded once per scope): the rows the remittance API and page show, the same as
 * {@code reconcile remittance --imported}.
 */
@Component
class RemittanceBook {
  private final RemittanceLines remittance;
  private final RevenueBooks books;

  RemittanceBook(Database database, RevenueBooks books) {
    this.remittance = new RemittanceLines(database);
    this.books = books;
  }

  /** The reconciliation of one month, or of every imported month when {@code month} is null. */
  RemittanceReconciliation reconcile(Set<Long> accounts, YearMonth month) {
    List<Remitted> lines = new ArrayList<>();
    for (RemittanceLines.Stored s : remittance.list(accounts, month, month)) {
      lines.add(new Remitted(s.fileName(), s.lineNumber(), s.line()));
    }
    return RemittanceReconciliation.of(
        lines, books.loaded(accounts).allLines(), month == null ? List.of() : List.of(month));
  }

  /** The months the scope's imported remittance lines cover. */
  List<YearMonth> months(Set<Long> accounts) {
    return remittance.months(accounts);
  }
}
