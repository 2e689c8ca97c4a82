package dev.marketlens.model.transaction;

/**
 * The parent product a cloud sale was made for (spec §8.3, SR-P2/SR-P3): its name ({@code Jira},
 * {@code Confluence}, {@code Pending}), edition ({@code Free}, {@code Standard}, {@code Premium},
 * {@code Enterprise}, {@code Pending}) and, when the sale changed it, the old edition. The API
 * rewrites these fields often (K14); each is null when absent.
 */
public record ParentProduct(String name, String edition, String oldEdition) {

  public boolean editionChanged() {
    return oldEdition != null && !oldEdition.equals(edition);
  }
}
