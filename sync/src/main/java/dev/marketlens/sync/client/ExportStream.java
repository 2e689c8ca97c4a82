package dev.marketlens.sync.client;

import dev.marketlens.model.license.License;
import dev.marketlens.model.transaction.TransactionLine;
import dev.marketlens.sync.wire.ExportFormat;
import dev.marketlens.sync.wire.ExportKind;
import dev.marketlens.sync.wire.ExportReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * An export received whole and checked: its records can be read (more than once) until it is
 * closed, which deletes the temporary file holding the body.
 */
public final class ExportStream implements AutoCloseable {

  private final ExportKind kind;
  private final ExportRoute route;
  private final Spool.Body body;
  private final String source;
  private final List<String> fallbacks;
  private volatile boolean closed;

  ExportStream(
      ExportKind kind, ExportRoute route, Spool.Body body, String source, List<String> fallbacks) {
    this.kind = kind;
    this.route = route;
    this.body = body;
    this.source = source;
    this.fallbacks = List.copyOf(fallbacks);
  }

  /** {@link ExportKind#LICENSES} or {@link ExportKind#TRANSACTIONS}, as asked. */
  public ExportKind kind() {
    return kind;
  }

  /** The route that delivered the records. */
  public ExportRoute route() {
    return route;
  }

  /** Why earlier routes were given up, one sentence each, in order; empty when none was. */
  public List<String> fallbacks() {
    return fallbacks;
  }

  /** The body's format: as asked for the exports, JSON for the paged list. */
  public ExportFormat format() {
    return body.format();
  }

  /** How many records the export holds. */
  public long records() {
    return body.records();
  }

  /** The size of the body in bytes (for the paged list, of the records joined as one array). */
  public long bodyBytes() {
    return body.bytes();
  }

  /** A new reader over the records; close it (or its stream) when done. */
  public ExportReader reader() {
    if (closed) {
      throw new IllegalStateException("the export " + source + " is closed");
    }
    try {
      return ExportReader.open(Files.newInputStream(body.file()), source);
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": cannot read its temporary file", e);
    }
  }

  /** The licenses, read lazily; closing the stream closes its reader. */
  public Stream<License> licenses() {
    return reader().licenses();
  }

  /** The transaction lines, read lazily; closing the stream closes its reader. */
  public Stream<TransactionLine> transactions() {
    return reader().transactions();
  }

  Path file() {
    return body.file();
  }

  /**
   * Moves the body to {@code target}, which the caller then owns: a sync keeps it so that a run
   * killed half-way can resume reading the same records. The stream is closed.
   */
  public void keep(Path target) {
    closed = true;
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      Files.move(body.file(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": cannot keep the export in " + target, e);
    }
  }

  @Override
  public void close() {
    closed = true;
    Spool.delete(body.file());
  }

  @Override
  public String toString() {
    return kind + " by " + route + ": " + body.records() + " records, " + body.bytes() + " bytes";
  }
}
