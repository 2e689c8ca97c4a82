package dev.marketlens.app;

import dev.marketlens.emulator.world.Rates;
import dev.marketlens.emulator.world.WorldSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code world.json}: the spec a generated world was made from, written next to its files, so that
 * the same world can be served again ({@code emulator --world DIR}): a world is a pure function of
 * its spec.
 */
final class WorldSpecFile {

  static final String NAME = "world.json";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private WorldSpecFile() {}

  static byte[] json(WorldSpec spec) {
    ObjectNode o = JSON.createObjectNode();
    o.put("seed", spec.seed());
    o.put("customers", spec.customers());
    o.put("vendors", spec.vendors());
    o.put("from", spec.from().toString());
    o.put("to", spec.to().toString());
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(o);
  }

  /**
   * Reads {@code dir/world.json}.
   *
   * @throws IllegalArgumentException naming the file, the field and the value when it is missing or
   *     wrong
   */
  static WorldSpec read(Path dir) {
    Path file = dir.resolve(NAME);
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          "--world: "
              + file
              + " does not exist; write a world with 'marketlens generate --out DIR'");
    } catch (IOException | JacksonException e) {
      throw new IllegalArgumentException("--world: cannot read " + file + ": " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("--world: " + file + " is not a JSON object");
    }
    long seed = number(root, "seed", file);
    long customers = number(root, "customers", file);
    long vendors = number(root, "vendors", file);
    LocalDate from = date(root, "from", file);
    LocalDate to = date(root, "to", file);
    try {
      return new WorldSpec(seed, (int) customers, (int) vendors, from, to, Rates.defaults());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--world: " + file + ": " + e.getMessage());
    }
  }

  private static long number(JsonNode root, String field, Path file) {
    JsonNode n = root.get(field);
    if (n == null || !n.isIntegralNumber()) {
      throw new IllegalArgumentException(
          "--world: " + file + ": field '" + field + "' must be a whole number, got " + n);
    }
    return n.asLong();
  }

  private static LocalDate date(JsonNode root, String field, Path file) {
    JsonNode n = root.get(field);
    try {
      if (n != null && n.isString()) {
        return LocalDate.parse(n.asString());
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "--world: " + file + ": field '" + field + "' must be a date YYYY-MM-DD, got " + n);
  }
}
