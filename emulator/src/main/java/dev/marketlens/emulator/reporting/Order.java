package dev.marketlens.emulator.reporting;

import java.util.Map;

/** The {@code order} query parameter. */
public enum Order {
  ASC,
  DESC;

  static final Map<String, Order> PARAM = Map.of("asc", ASC, "desc", DESC);
}
