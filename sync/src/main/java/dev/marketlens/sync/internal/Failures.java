package dev.marketlens.sync.internal;

/**
 * How a reader of this package reports a problem in its input: the caller turns a location (may be
 * null) and a message into its boundary's exception, so that these helpers depend on no reader.
 */
@FunctionalInterface
public interface Failures {
  RuntimeException at(String location, String message);
}
