package dev.marketlens.web.sync;

import dev.marketlens.store.AuditLog;
import dev.marketlens.store.Database;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.store.WriteResult;
import dev.marketlens.sync.files.ImportFile;
import dev.marketlens.sync.files.Importer;
import dev.marketlens.web.WebSettings;
import dev.marketlens.web.revenue.RevenueBooks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports uploaded files exactly as {@code ./marketlens import} does: each file through the {@link
 * Importer}, all or nothing, with the same validation; a refused file is reported with the
 * importer's message (file, line, field and value) and the other files are still imported. Each
 * file is audited as {@code import}.
 */
@Component
class Uploads {
  private static final Logger LOG = LoggerFactory.getLogger(Uploads.class);

  /** What became of one uploaded file: its result, or the error that refused it. */
  record Outcome(
      String file,
      String kind,
      String format,
      long records,
      int created,
      int changed,
      int unchanged,
      int drifted,
      boolean alreadyImported,
      String error) {

    public boolean ok() {
      return error == null;
    }

    /** One line as the command line prints it. */
    public String describe() {
      if (error != null) {
        return error + " — nothing of this file was imported";
      }
      if (alreadyImported) {
        return file + ": imported before, skipped";
      }
      if (kind.equals("empty")) {
        return file + ": no records";
      }
      String counts =
          kind.equals("remittance")
              ? ""
              : String.format(
                  Locale.ROOT,
                  ": %,d new, %,d changed, %,d unchanged, %,d drifted",
                  created,
                  changed,
                  unchanged,
                  drifted);
      return String.format(Locale.ROOT, "%s: %,d %s (%s)%s", file, records, kind, format, counts);
    }
  }

  private final Importer importer;
  private final AuditLog audit;
  private final RevenueBooks books;
  private final Path uploads;

  Uploads(Database database, AuditLog audit, RevenueBooks books, WebSettings settings) {
    this.importer = new Importer(database, Clock.systemUTC());
    this.audit = audit;
    this.books = books;
    this.uploads = settings.home().resolve("uploads");
  }

  /** Imports the files into the account, one after the other, each all or nothing. */
  List<Outcome> importFiles(
      VendorAccount account, List<MultipartFile> files, String username, String remote) {
    List<Outcome> outcomes = new ArrayList<>();
    try {
      for (MultipartFile file : files) {
        if (file.isEmpty()
            && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
          continue; // the form sent no file in this field
        }
        Outcome outcome = importOne(account, file);
        outcomes.add(outcome);
        audit.add(
            username, "import", "account " + account.name() + ": " + outcome.describe(), remote);
      }
    } finally {
      books.invalidate();
    }
    return outcomes;
  }

  private Outcome importOne(VendorAccount account, MultipartFile upload) {
    String name = fileName(upload.getOriginalFilename());
    Path dir = null;
    try {
      Files.createDirectories(uploads);
      dir = Files.createTempDirectory(uploads, "upload-");
      Path file = dir.resolve(name);
      try (InputStream in = upload.getInputStream()) {
        Files.copy(in, file);
      }
      Importer.Imported imported = importer.importFile(account, file);
      WriteResult w = imported.written();
      return new Outcome(
          name,
          kind(imported.kind()),
          String.valueOf(imported.format()),
          imported.records(),
          w.created(),
          w.changed(),
          w.unchanged(),
          w.drifted(),
          imported.alreadyImported(),
          null);
    } catch (IOException e) {
      LOG.warn("cannot keep the uploaded file {}: {}", name, e.getMessage());
      return refused(name, name + ": cannot be stored for import (" + e.getMessage() + ")");
    } catch (RuntimeException e) {
      return refused(name, describe(e));
    } finally {
      delete(dir);
    }
  }

  private static Outcome refused(String name, String error) {
    return new Outcome(name, null, null, 0, 0, 0, 0, 0, false, error);
  }

  private static String kind(ImportFile.Kind kind) {
    return switch (kind) {
      case LICENSES -> "licenses";
      case TRANSACTIONS -> "transaction lines";
      case REMITTANCE -> "remittance";
      case EMPTY -> "empty";
    };
  }

  /** The uploaded file's own name, without any directory, safe as a file name here. */
  static String fileName(String original) {
    String name = original == null ? "" : original;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[^A-Za-z0-9._ -]", "_").strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      return "upload";
    }
    return name.length() > 120 ? name.substring(name.length() - 120) : name;
  }

  /** A failure as a person reads it, as the command line says it. */
  static String describe(Throwable e) {
    Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    String message = cause.getMessage();
    if (message == null || message.isBlank()) {
      return cause.toString();
    }
    return cause instanceof IOException
        ? message + " (" + cause.getClass().getSimpleName() + ")"
        : message;
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("cannot remove the uploaded files in {}: {}", dir, e.getMessage());
    }
  }
}
