package dev.marketlens.emulator.reporting;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * Values computed from a {@link VendorView}, kept while the view is in use: per view (by identity,
 * weakly, so a view the marketplace replaced is forgotten with everything computed from it) a small
 * least-recently-used map of keys to values. Values must not refer to their view. Two requests
 * computing the same missing value at once both compute it; the first stored wins.
 */
final class ViewCache {

  private final int perView;
  private final Map<VendorView, Map<Object, Object>> byView = new WeakHashMap<>();

  ViewCache(int perView) {
    this.perView = perView;
  }

  @SuppressWarnings("unchecked")
  <T> T get(VendorView view, Object key, Supplier<T> compute) {
    synchronized (byView) {
      Map<Object, Object> m = byView.get(view);
      if (m != null && m.containsKey(key)) {
        return (T) m.get(key);
      }
    }
    T value = compute.get();
    synchronized (byView) {
      Map<Object, Object> m = byView.computeIfAbsent(view, v -> lru(perView));
      Object before = m.putIfAbsent(key, value);
      return before != null ? (T) before : value;
    }
  }

  private static Map<Object, Object> lru(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
        return size() > capacity;
      }
    };
  }
}
