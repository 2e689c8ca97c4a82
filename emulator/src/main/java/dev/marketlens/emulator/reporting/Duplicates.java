package dev.marketlens.emulator.reporting;

import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.world.Versioned;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** License export streams that repeat rows: version histories and the K10 quirk. */
final class Duplicates {

  private Duplicates() {}

  /**
   * K10 (MP-557): after the matching rows, some licenses that started in 2018 once more, whatever
   * the date filter (about one in ten, chosen by license); the query's other filters still apply.
   */
  static Iterator<License> with2018Duplicates(
      Iterator<License> rows, VendorView view, LicenseQuery q) {
    Iterator<License> extra =
        view.licenses().stream()
            .filter(l -> l.maintenanceStartDate().getYear() == 2018)
            .filter(l -> Math.floorMod(l.key().hashCode(), 10) == 0)
            .filter(q::matchesIgnoringDates)
            .iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext() || extra.hasNext();
      }

      @Override
      public License next() {
        return rows.hasNext() ? rows.next() : extra.next();
      }
    };
  }

  /** {@code showLicensesHistory}: every version of each license, oldest first. */
  static Iterator<License> versions(Iterator<License> licenses, VendorView view) {
    return new Iterator<>() {
      private final Deque<License> pending = new ArrayDeque<>();

      @Override
      public boolean hasNext() {
        while (pending.isEmpty() && licenses.hasNext()) {
          for (Versioned<License> v : view.history(licenses.next())) {
            pending.add(v.record());
          }
        }
        return !pending.isEmpty();
      }

      @Override
      public License next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return pending.poll();
      }
    };
  }
}
