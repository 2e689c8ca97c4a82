package dev.marketlens.emulator.commerce;

import java.util.List;

/** A Marketplace partner: its numeric v2 vendor id, its v3 developer-space id and its apps. */
public record Vendor(long vendorId, String developerId, String name, List<App> apps) {

  public Vendor {
    apps = List.copyOf(apps);
  }
}
