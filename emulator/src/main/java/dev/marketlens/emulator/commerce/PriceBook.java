package dev.marketlens.emulator.commerce;

import dev.marketlens.emulator.wire.BillingPeriod;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.Tier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The price history of one app on one hosting. Seed 004 (SR-C2): a submitted price change becomes
 * active 24 hours later; only one plan can wait in draft, and changes submitted within its 24-hour
 * window update that draft instead of starting another. A plan applies to sales on the first whole
 * day it is active.
 *
 * <p>Immutable: {@link #submit} returns a new book.
 */
public final class PriceBook {

  /** Seed 004: a submitted price change goes live after 24 hours. */
  public static final Duration ACTIVATION_DELAY = Duration.ofHours(24);

  /** Seed 004 (SR-C3): existing customers keep the lower price for 60 days after a change. */
  public static final int OVERRIDE_DAYS = 60;

  /** A plan and the first day it applies to sales. */
  public record Entry(LocalDate effectiveFrom, PricePlan plan) {}

  private record Draft(Instant submittedAt, PricePlan plan) {
    Instant activatesAt() {
      return submittedAt.plus(ACTIVATION_DELAY);
    }
  }

  private final Hosting hosting;
  private final List<Entry> entries;
  private final Draft draft;
  private final List<Entry> resolved;

  private PriceBook(Hosting hosting, List<Entry> entries, Draft draft) {
    this.hosting = hosting;
    this.entries = List.copyOf(entries);
    this.draft = draft;
    if (draft == null) {
      this.resolved = this.entries;
    } else {
      List<Entry> all = new ArrayList<>(entries);
      all.add(new Entry(firstWholeDay(draft.activatesAt()), draft.plan()));
      this.resolved = List.copyOf(all);
    }
  }

  /** A book whose first plan applies from {@code listedOn}. */
  public static PriceBook listed(Hosting hosting, LocalDate listedOn, PricePlan plan) {
    checkPlanFits(hosting, plan);
    return new PriceBook(hosting, List.of(new Entry(listedOn, plan)), null);
  }

  /**
   * Submits a price change at {@code at}. A change submitted while an earlier draft is still
   * waiting replaces that draft's prices and keeps its activation time; otherwise it becomes the
   * draft, active 24 hours later.
   */
  public PriceBook submit(PricePlan plan, Instant at) {
    checkPlanFits(hosting, plan);
    PriceBook settled = settledAt(at);
    if (settled.draft != null) {
      return new PriceBook(hosting, settled.entries, new Draft(settled.draft.submittedAt(), plan));
    }
    return new PriceBook(hosting, settled.entries, new Draft(at, plan));
  }

  /** The book as it stands at {@code at}: a draft whose 24 hours have passed has become a plan. */
  public PriceBook settledAt(Instant at) {
    if (draft == null || at.isBefore(draft.activatesAt())) {
      return this;
    }
    return new PriceBook(hosting, resolved, null);
  }

  /** Every plan including a pending draft, as if all time had passed. */
  public List<Entry> entries() {
    return resolved;
  }

  /** Whether a plan is waiting in draft at this point of the book's history. */
  public boolean hasDraft() {
    return draft != null;
  }

  public Hosting hosting() {
    return hosting;
  }

  /** The plan that applies to a sale on {@code date}. */
  public PricePlan planOn(LocalDate date) {
    return entryOn(date).plan();
  }

  /** The entry that applies to a sale on {@code date}. */
  public Entry entryOn(LocalDate date) {
    return resolved.get(indexOn(date));
  }

  private int indexOn(LocalDate date) {
    int found = -1;
    for (int i = 0; i < resolved.size(); i++) {
      if (!resolved.get(i).effectiveFrom().isAfter(date)) {
        found = i;
      }
    }
    if (found < 0) {
      throw new IllegalArgumentException(
          "no price before the listing date " + resolved.get(0).effectiveFrom() + ": " + date);
    }
    return found;
  }

  /**
   * The price a customer pays for one whole term of {@code tier} on {@code quoteDate} (seed 004,
   * SR-C3/SR-C4):
   *
   * <ul>
   *   <li>an existing customer who held {@code heldTier} when a price changed may buy or renew at
   *       the lower of the old and new price for 60 days after the change, if still on the same
   *       tier;
   *   <li>a cloud evaluator who started before the change may buy at the lower price until the
   *       evaluation ends;
   *   <li>a server or Data Center evaluator pays the new price (quotes are not modelled).
   * </ul>
   *
   * @param customerSince the first day the customer held the app, or null for a new customer
   * @param heldTier the tier the customer held, or null
   * @param evaluationStart start of the customer's cloud evaluation, or null
   * @param evaluationEnd end of that evaluation (exclusive), or null
   */
  public Quote quote(
      Tier tier,
      BillingPeriod period,
      LocalDate quoteDate,
      LocalDate customerSince,
      Tier heldTier,
      LocalDate evaluationStart,
      LocalDate evaluationEnd) {
    List<Entry> all = entries();
    int idx = indexOn(quoteDate);
    Entry current = all.get(idx);
    long price = current.plan().listPriceCents(tier, period);
    boolean overridden = false;
    if (idx > 0) {
      Entry previous = all.get(idx - 1);
      LocalDate change = current.effectiveFrom();
      long oldPrice = previous.plan().listPriceCents(tier, period);
      boolean existingCustomer =
          customerSince != null
              && customerSince.isBefore(change)
              && tier.equals(heldTier)
              && quoteDate.isBefore(change.plusDays(OVERRIDE_DAYS));
      boolean cloudEvaluator =
          hosting == Hosting.CLOUD
              && evaluationStart != null
              && evaluationStart.isBefore(change)
              && evaluationEnd != null
              && quoteDate.isBefore(evaluationEnd);
      if ((existingCustomer || cloudEvaluator) && oldPrice < price) {
        price = oldPrice;
        overridden = true;
      }
    }
    return new Quote(price, overridden);
  }

  /** A price for one whole term, and whether it is an override of a newer, higher price. */
  public record Quote(long listPriceCents, boolean priceOverride) {}

  private static LocalDate firstWholeDay(Instant at) {
    LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
    return at.equals(day.atStartOfDay(ZoneOffset.UTC).toInstant()) ? day : day.plusDays(1);
  }

  private static void checkPlanFits(Hosting hosting, PricePlan plan) {
    boolean cloudPlan = plan instanceof PricePlan.Cloud;
    if (cloudPlan != (hosting == Hosting.CLOUD)) {
      throw new IllegalArgumentException(
          "a "
              + hosting.wire()
              + " price book needs a "
              + (hosting == Hosting.CLOUD ? "cloud" : "tiered")
              + " plan");
    }
  }
}
