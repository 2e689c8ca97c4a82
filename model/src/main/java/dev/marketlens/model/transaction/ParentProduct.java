package dev.marketlens.model.transaction;

/**
 * The parent product a cloud sale was made for (spec §8.3, SR-P2/SR-P3): its name ({@code Jira},
 * {@code Confluence}, {@code Pending}), edition ({@code Free}, {@code Standard}, {@code Premium},
 * {@code Enterprise}, {@code Pending}), whether the sale changed the edition ({@code
 * changeInParentProductEdition}: {@code Yes}, {@code No}) and, when it did, the old edition. The
 * API rewrites these fields often (K14); each is null when absent.
 */
public record ParentProduct(
    String name, String edition, String changeInEdition, String oldEdition) {

  public ParentProduct {
    name = blankToNull(name);
    edition = blankToNull(edition);
    changeInEdition = blankToNull(changeInEdition);
    oldEdition = blankToNull(oldEdition);
  }

  /** A parent product as the API names it, without {@code changeInParentProductEdition}. */
  public ParentProduct(String name, String edition, String oldEdition) {
    this(name, edition, null, oldEdition);
  }

  public boolean editionChanged() {
    return oldEdition != null && !oldEdition.equals(edition);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
