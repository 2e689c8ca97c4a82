package dev.marketlens.emulator.world;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * The dated changes of one record's mutable state. Changes may be scheduled in any order; {@link
 * #versions} applies them by date (then by scheduling order) and takes one snapshot per day on
 * which something changed, up to the clock.
 */
final class Timeline<S> {

  private record Change<S>(LocalDate date, int seq, Consumer<S> apply) {}

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static final Comparator<Change> ORDER =
      (a, b) -> {
        int c = a.date().compareTo(b.date());
        return c != 0 ? c : Integer.compare(a.seq(), b.seq());
      };

  private final LocalDate created;
  private List<Change<S>> changes = List.of();

  Timeline(LocalDate created) {
    this.created = created;
  }

  LocalDate created() {
    return created;
  }

  /** Schedules a change on {@code date} (never before the record's creation). */
  void on(LocalDate date, Consumer<S> change) {
    LocalDate d = date.isBefore(created) ? created : date;
    if (changes.isEmpty()) {
      changes = new ArrayList<>(2);
    }
    changes.add(new Change<>(d, changes.size(), change));
  }

  /**
   * Applies the changes to {@code state} and snapshots it on the creation day and on every later
   * day with a change, up to and including {@code clock}. {@code snapshot} receives the state and
   * the version's day.
   */
  <R> List<Versioned<R>> versions(
      S state,
      LocalDate clock,
      BiFunction<S, LocalDate, R> snapshot,
      BiPredicate<R, R> sameButLastUpdated) {
    List<Change<S>> ordered = changes;
    for (int k = 1; k < changes.size(); k++) {
      if (changes.get(k).date().isBefore(changes.get(k - 1).date())) {
        ordered = new ArrayList<>(changes);
        ordered.sort(ORDER);
        break;
      }
    }
    List<Versioned<R>> versions = new ArrayList<>();
    if (created.isAfter(clock)) {
      return versions;
    }
    int i = 0;
    while (i < ordered.size() && !ordered.get(i).date().isAfter(created)) {
      ordered.get(i++).apply().accept(state);
    }
    versions.add(new Versioned<>(created, snapshot.apply(state, created)));
    while (i < ordered.size()) {
      LocalDate day = ordered.get(i).date();
      if (day.isAfter(clock)) {
        break;
      }
      while (i < ordered.size() && ordered.get(i).date().equals(day)) {
        ordered.get(i++).apply().accept(state);
      }
      R next = snapshot.apply(state, day);
      if (!sameButLastUpdated.test(next, versions.get(versions.size() - 1).record())) {
        versions.add(new Versioned<>(day, next));
      }
    }
    return versions;
  }
}
