package dev.marketlens.metrics.identity;

import dev.marketlens.model.id.LicenseIds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The alias graph of license identifiers (§3.2): union-find over every id seen on a license or its
 * transactions. Ids are namespaced by type, since an {@code addonLicenseId} can equal an unrelated
 * entitlement number. A lineage's canonical key is its app entitlement number, else its SEN, else
 * {@code SEN-} + its addon license id, else its app entitlement id (the smallest, when a lineage
 * has several of one kind).
 */
public final class LicenseAliases {

  /** The kinds of license id, in the order the canonical key prefers them. */
  public enum Kind {
    APP_ENTITLEMENT_NUMBER,
    LICENSE_ID,
    ADDON_LICENSE_ID,
    APP_ENTITLEMENT_ID
  }

  private final Map<String, Integer> nodes = new HashMap<>();
  private final List<String> names = new ArrayList<>();
  private final List<Kind> kinds = new ArrayList<>();
  private int[] parent = new int[1024];

  /**
   * Joins the license ids one record carries (entitlement number, SEN, add-on license id,
   * entitlement id) into one lineage and returns one of their nodes, or -1 when it carries none of
   * them (only host or site ids).
   */
  public int join(LicenseIds ids) {
    int first = -1;
    first =
        link(
            first,
            Kind.APP_ENTITLEMENT_NUMBER,
            ids.appEntitlementNumber() == null ? null : ids.appEntitlementNumber().value());
    first = link(first, Kind.LICENSE_ID, ids.licenseId() == null ? null : ids.licenseId().value());
    first =
        link(
            first,
            Kind.ADDON_LICENSE_ID,
            ids.addonLicenseId() == null ? null : ids.addonLicenseId().value());
    return link(
        first,
        Kind.APP_ENTITLEMENT_ID,
        ids.appEntitlementId() == null ? null : ids.appEntitlementId().value());
  }

  private int link(int first, Kind kind, String id) {
    if (id == null || id.isBlank()) {
      return first;
    }
    int node = node(kind, id);
    if (first >= 0) {
      union(first, node);
      return first;
    }
    return node;
  }

  /** The node of an id, created when first seen. */
  public int node(Kind kind, String id) {
    String name = kind.ordinal() + ":" + id;
    Integer n = nodes.get(name);
    if (n != null) {
      return n;
    }
    int k = names.size();
    names.add(id);
    kinds.add(kind);
    nodes.put(name, k);
    if (k == parent.length) {
      parent = java.util.Arrays.copyOf(parent, k * 2);
    }
    parent[k] = k;
    return k;
  }

  /** The node of an id already seen, or -1. */
  public int existing(Kind kind, String id) {
    Integer n = nodes.get(kind.ordinal() + ":" + id);
    return n == null ? -1 : n;
  }

  /** Records that two ids name the same license. */
  public void union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra != rb) {
      // The smaller root wins: the result does not depend on the order of unions.
      if (ra < rb) {
        parent[rb] = ra;
      } else {
        parent[ra] = rb;
      }
    }
  }

  /** The representative node of an id's lineage. */
  public int find(int node) {
    int root = node;
    while (parent[root] != root) {
      root = parent[root];
    }
    while (parent[node] != root) {
      int next = parent[node];
      parent[node] = root;
      node = next;
    }
    return root;
  }

  /** The canonical key of every lineage, by representative node. */
  public Map<Integer, String> canonicalKeys() {
    Map<Integer, Integer> best = new HashMap<>();
    for (int k = 0; k < names.size(); k++) {
      int root = find(k);
      Integer b = best.get(root);
      if (b == null || better(k, b)) {
        best.put(root, k);
      }
    }
    Map<Integer, String> keys = new HashMap<>();
    best.forEach((root, k) -> keys.put(root, key(k)));
    return keys;
  }

  private boolean better(int a, int b) {
    int byKind = kinds.get(a).compareTo(kinds.get(b));
    return byKind != 0 ? byKind < 0 : names.get(a).compareTo(names.get(b)) < 0;
  }

  private String key(int node) {
    return kinds.get(node) == Kind.ADDON_LICENSE_ID ? "SEN-" + names.get(node) : names.get(node);
  }
}
