package dev.marketlens.emulator.reporting;

import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.quirks.Quirk;
import dev.marketlens.emulator.world.World;
import dev.marketlens.emulator.world.WorldGenerator;
import dev.marketlens.emulator.world.WorldSpec;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The simulated Marketplace as the reporting API serves it: a world, a clock that moves forward day
 * by day, and the switches that shape what is served. The world is generated ahead of the clock (a
 * later clock only appends records, so the records as of any earlier day are the same) and
 * regenerated further ahead when the clock passes its end.
 */
public final class Marketplace {

  /** How far ahead of the clock the world is generated. */
  static final int HORIZON_DAYS = 120;

  private final WorldSpec spec;
  private final WorldGenerator generator = new WorldGenerator();
  private final Map<Long, Vendor> byVendorId;
  private final Map<String, Vendor> byDeveloperId;
  private volatile World world;
  private volatile LocalDate today;
  private volatile Set<Quirk> quirks;
  private volatile boolean reportingLag;
  private final Map<Long, VendorView> views = new ConcurrentHashMap<>();

  public Marketplace(WorldSpec spec, Set<Quirk> quirks, boolean reportingLag) {
    this.spec = spec;
    this.today = spec.to();
    this.world = generator.generate(spec, today.plusDays(HORIZON_DAYS));
    this.quirks = quirks.isEmpty() ? EnumSet.noneOf(Quirk.class) : EnumSet.copyOf(quirks);
    this.reportingLag = reportingLag;
    this.byVendorId =
        world.vendors().stream().collect(Collectors.toMap(Vendor::vendorId, Function.identity()));
    this.byDeveloperId =
        world.vendors().stream()
            .collect(Collectors.toMap(Vendor::developerId, Function.identity()));
  }

  /** The last day that has happened. */
  public LocalDate today() {
    return today;
  }

  public List<Vendor> vendors() {
    return world.vendors();
  }

  public Vendor vendor(long vendorId) {
    return byVendorId.get(vendorId);
  }

  public Vendor developerSpace(String developerId) {
    return byDeveloperId.get(developerId);
  }

  public boolean quirk(Quirk q) {
    return quirks.contains(q);
  }

  public Set<Quirk> quirks() {
    return Set.copyOf(quirks);
  }

  /** Switches the quirks; views already handed out keep serving as before. */
  public synchronized void setQuirks(Set<Quirk> on) {
    this.quirks = on.isEmpty() ? EnumSet.noneOf(Quirk.class) : EnumSet.copyOf(on);
  }

  public boolean reportingLag() {
    return reportingLag;
  }

  public synchronized void setReportingLag(boolean on) {
    this.reportingLag = on;
    views.clear();
  }

  /** What {@code vendor} is served today. */
  public VendorView view(Vendor vendor) {
    VendorView v = views.get(vendor.vendorId());
    if (v != null && v.day().equals(today)) {
      return v;
    }
    synchronized (this) {
      v = views.get(vendor.vendorId());
      if (v == null || !v.day().equals(today)) {
        v = VendorView.of(world, vendor, today, reportingLag);
        views.put(vendor.vendorId(), v);
      }
      return v;
    }
  }

  /** The world as generated, up to its horizon (ahead of {@link #today()}). */
  public World world() {
    return world;
  }

  /**
   * Moves the clock {@code days} forward: new sales, renewals, refunds and evaluations appear, and
   * some old records change with a new {@code lastUpdated}.
   */
  public synchronized LocalDate advance(int days) {
    if (days < 1) {
      throw new IllegalArgumentException("days: at least 1, got " + days);
    }
    LocalDate next = today.plusDays(days);
    if (next.isAfter(world.clock())) {
      world = generator.generate(spec, next.plusDays(HORIZON_DAYS));
    }
    today = next;
    views.clear();
    return today;
  }
}
