package dev.marketlens.sync.incremental;

import dev.marketlens.model.license.License;
import dev.marketlens.model.transaction.TransactionLine;
import dev.marketlens.store.Received;
import dev.marketlens.sync.client.ExportQuery;
import dev.marketlens.sync.client.ExportStream;
import dev.marketlens.sync.client.ReportingClient;
import dev.marketlens.sync.wire.ExportKind;
import dev.marketlens.sync.wire.ExportReader;
import dev.marketlens.sync.wire.WireJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The reporting API as a sync's {@link Source}: each export is fetched whole by the {@link
 * ReportingClient} (async export, else synchronous export, else paged list), with data insights and
 * attribution, and kept in a spool directory until the sync has stored it, so that a run killed
 * half-way resumes from the same file instead of downloading again. A download that a killed run
 * left unfinished in the spool directory is deleted when the next export opens.
 */
public final class ApiSource implements Source {
  private final ReportingClient client;
  private final Path spool;

  /**
   * @param spool a directory of this account's own, e.g. {@code $MARKETLENS_HOME/spool/<account>}
   */
  public ApiSource(ReportingClient client, Path spool) {
    this.client = client;
    this.spool = spool;
  }

  /**
   * Two exports, read one after the other: the licenses of paid apps (and of apps once paid), then,
   * with {@code showLifeTimeFreeLicenses=true}, those of apps that were always free — the API
   * serves those only when asked (spec §7.2).
   */
  @Override
  public Export<License> licenses(Optional<LocalDate> since, Optional<String> resume) {
    List<String> kept = resume.map(id -> List.of(id.split("\\|"))).orElse(List.of());
    Export<License> paid =
        open(
            ExportKind.LICENSES,
            "licenses",
            false,
            since,
            kept.isEmpty() ? Optional.empty() : Optional.of(kept.get(0)),
            ExportReader::licenses,
            (l, notCarried) -> new Received<>(l, WireJson.license(l), notCarried));
    try {
      Export<License> free =
          open(
              ExportKind.LICENSES,
              "free-licenses",
              true,
              since,
              kept.size() < 2 ? Optional.empty() : Optional.of(kept.get(1)),
              ExportReader::licenses,
              (l, notCarried) -> new Received<>(l, WireJson.license(l), notCarried));
      return new Both<>(paid, free);
    } catch (RuntimeException e) {
      paid.close();
      throw e;
    }
  }

  @Override
  public Export<TransactionLine> transactions(Optional<LocalDate> since, Optional<String> resume) {
    return open(
        ExportKind.TRANSACTIONS,
        "transactions",
        false,
        since,
        resume,
        ExportReader::transactions,
        (t, notCarried) -> new Received<>(t, WireJson.transaction(t), notCarried));
  }

  @Override
  public long bytesReceived() {
    return client.bytesReceived();
  }

  private <T> Export<T> open(
      ExportKind kind,
      String name,
      boolean lifetimeFree,
      Optional<LocalDate> since,
      Optional<String> resume,
      Function<ExportReader, Stream<T>> records,
      BiFunction<T, List<String>, Received<T>> received) {
    // Downloads a killed run left half-way are of no use: the account's lock is held, so none is
    // in progress.
    ReportingClient.deleteLeftoverBodies(spool);
    // The id names the query, so that only a run asking the same question reuses the file.
    String prefix = name + "-" + since.map(LocalDate::toString).orElse("all") + "-";
    Optional<String> kept =
        resume.filter(id -> id.startsWith(prefix) && Files.isRegularFile(spool.resolve(id)));
    String id;
    String path;
    OptionalLong size = OptionalLong.empty();
    if (kept.isPresent()) {
      id = kept.get();
      path = "export kept by an interrupted run";
    } else {
      ExportQuery query = ExportQuery.all().withDataInsights(true).withAttribution(true);
      if (lifetimeFree) {
        query = query.filter("showLifeTimeFreeLicenses", "true");
      }
      if (since.isPresent()) {
        query = query.lastUpdated(since.get());
      }
      ExportStream stream = client.export(kind, query);
      id = prefix + UUID.randomUUID();
      path = stream.route().name().toLowerCase(Locale.ROOT).replace('_', ' ');
      size = OptionalLong.of(stream.records());
      removeKept(name + "-");
      stream.keep(spool.resolve(id));
    }
    Path file = spool.resolve(id);
    ExportReader reader;
    try {
      reader = ExportReader.open(Files.newInputStream(file), id);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the export kept in " + file, e);
    }
    List<String> notCarried = WireJson.fieldsNotCarried(kind, reader.format());
    Stream<T> stream = records.apply(reader);
    Iterator<T> iterator = stream.iterator();
    OptionalLong expected = size;
    return new Export<>() {
      @Override
      public OptionalLong size() {
        return expected;
      }

      @Override
      public boolean hasNext() {
        return iterator.hasNext();
      }

      @Override
      public Received<T> next() {
        return received.apply(iterator.next(), notCarried);
      }

      @Override
      public Optional<String> id() {
        return Optional.of(id);
      }

      @Override
      public String path() {
        return path;
      }

      @Override
      public void completed() {
        close();
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot remove the stored export " + file, e);
        }
      }

      @Override
      public void close() {
        stream.close();
      }
    };
  }

  /** Two exports read as one: the first's records, then the second's. */
  private static final class Both<T> implements Export<T> {
    private final Export<T> first;
    private final Export<T> second;

    Both(Export<T> first, Export<T> second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public boolean hasNext() {
      return first.hasNext() || second.hasNext();
    }

    @Override
    public Received<T> next() {
      return first.hasNext() ? first.next() : second.next();
    }

    @Override
    public Optional<String> id() {
      return first.id().flatMap(a -> second.id().map(b -> a + "|" + b));
    }

    @Override
    public String path() {
      return first.path().equals(second.path())
          ? first.path()
          : first.path() + " + " + second.path();
    }

    @Override
    public OptionalLong size() {
      OptionalLong a = first.size();
      OptionalLong b = second.size();
      return a.isPresent() && b.isPresent()
          ? OptionalLong.of(a.getAsLong() + b.getAsLong())
          : OptionalLong.empty();
    }

    @Override
    public void completed() {
      first.completed();
      second.completed();
    }

    @Override
    public void close() {
      try {
        first.close();
      } finally {
        second.close();
      }
    }
  }

  /** Removes exports of a kind kept by earlier runs: a new export replaces them. */
  private void removeKept(String prefix) {
    if (!Files.isDirectory(spool)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(spool, prefix + "*")) {
      for (Path file : files) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean the spool directory " + spool, e);
    }
  }
}
