package dev.marketlens.emulator.reporting;

import dev.marketlens.emulator.commerce.App;
import dev.marketlens.emulator.commerce.PaymentModel;
import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.wire.WireFormat.ApiVersion;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The app filter of a request: {@code addon} (app keys) in v2, {@code productId} (UUIDs) in v3
 * (spec §12), resolved to app keys of the vendor. Values that name no app of the vendor match
 * nothing; a comma-joined value is one literal value (K3).
 */
public final class AppFilter {

  private final Set<String> keys;
  private final Set<String> lifetimeFree;

  private AppFilter(Set<String> keys, Set<String> lifetimeFree) {
    this.keys = keys;
    this.lifetimeFree = lifetimeFree;
  }

  /** The parameter naming apps in {@code version}. */
  public static String param(ApiVersion version) {
    return version == ApiVersion.V2 ? "addon" : "productId";
  }

  public static AppFilter of(Vendor vendor, ApiVersion version, Params params) {
    List<String> values = params.all(param(version));
    Set<String> lifetimeFree = new HashSet<>();
    Set<String> keys = values.isEmpty() ? null : new HashSet<>();
    for (App app : vendor.apps()) {
      if (app.paymentModel() == PaymentModel.FREE) {
        lifetimeFree.add(app.addonKey());
      }
      String id = version == ApiVersion.V2 ? app.addonKey() : app.productId();
      if (keys != null && values.contains(id)) {
        keys.add(app.addonKey());
      }
    }
    return new AppFilter(keys, lifetimeFree);
  }

  /** Whether the filter names any app (null: no filter). */
  public boolean test(String addonKey) {
    return keys == null || keys.contains(addonKey);
  }

  /** Whether the app has always been free ({@code showLifeTimeFreeLicenses}). */
  boolean lifetimeFree(String addonKey) {
    return lifetimeFree.contains(addonKey);
  }
}
