package dev.marketlens.sync.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The manual customer assignments in {@code $MARKETLENS_HOME/customers.csv} (metrics spec §3.3): a
 * header {@code key,customer}, then one line per assignment — the key a license lineage ({@code
 * E-123}, {@code SEN-456}), a domain ({@code domain:acme.com}) or a normalised company ({@code
 * company:acme}), the customer a name. Two keys with one name merge; a license given its own name
 * splits it from its domain. Absent file: no overrides.
 */
public final class CustomerOverrides {
  public static final String FILE = "customers.csv";

  private CustomerOverrides() {}

  public static Map<String, String> load(Path home) {
    Path file = home.resolve(FILE);
    if (!Files.exists(file)) {
      return Map.of();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> overrides = new LinkedHashMap<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (n == 0) {
        if (!line.replace(" ", "").equalsIgnoreCase("key,customer")) {
          throw new IllegalArgumentException(
              file + " line 1: the header must be key,customer, not '" + line + "'");
        }
        continue;
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int comma = line.indexOf(',');
      String key = comma < 0 ? line : line.substring(0, comma).strip();
      String customer = comma < 0 ? "" : line.substring(comma + 1).strip();
      if (key.isEmpty() || customer.isEmpty()) {
        throw new IllegalArgumentException(
            file + " line " + (n + 1) + ": expected KEY,CUSTOMER, not '" + line + "'");
      }
      String earlier = overrides.put(key, customer);
      if (earlier != null && !earlier.equals(customer)) {
        throw new IllegalArgumentException(
            file
                + " line "
                + (n + 1)
                + ": "
                + key
                + " is assigned to both '"
                + earlier
                + "' and '"
                + customer
                + "'");
      }
    }
    return overrides;
  }
}
