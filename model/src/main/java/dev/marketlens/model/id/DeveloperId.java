package dev.marketlens.model.id;

/** A developer space, the v3 path's {@code developerId}: a UUID (spec §1.2). */
public record DeveloperId(String value) {

  public DeveloperId {
    IdFormat.check("developerId", value, IdFormat.UUID, "a UUID");
  }

  public static DeveloperId of(String value) {
    return new DeveloperId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
