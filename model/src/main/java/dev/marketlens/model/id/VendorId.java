package dev.marketlens.model.id;

/** A Marketplace partner's numeric id, the v2 path's {@code vendorId} (spec §1.2). */
public record VendorId(String value) {

  public VendorId {
    IdFormat.check("vendorId", value, IdFormat.NUMERIC, "a numeric vendor id like 1212980");
  }

  public static VendorId of(String value) {
    return new VendorId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
