package dev.marketlens.emulator.world;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the records that break a rule and fails with their count and the first few, so that a
 * failing world test names concrete records (ids, dates, amounts) without printing thousands.
 */
final class Violations {

  private static final int SHOWN = 8;

  private final String rule;
  private final List<String> found = new ArrayList<>();
  private int checked;

  Violations(String rule) {
    this.rule = rule;
  }

  /** Records one checked case; {@code what} describes it when {@code ok} is false. */
  void check(boolean ok, Supplier<String> what) {
    checked++;
    if (!ok) {
      found.add(what.get());
    }
  }

  int checked() {
    return checked;
  }

  /** Fails unless every checked case held; also fails when nothing was checked (vacuous). */
  void assertNone() {
    if (checked == 0) {
      fail(rule + ": nothing was checked, the rule is vacuous in this world");
    }
    if (!found.isEmpty()) {
      fail(
          rule
              + ": "
              + found.size()
              + " of "
              + checked
              + " checked cases break it, e.g.:\n  "
              + String.join("\n  ", found.subList(0, Math.min(SHOWN, found.size()))));
    }
  }
}
