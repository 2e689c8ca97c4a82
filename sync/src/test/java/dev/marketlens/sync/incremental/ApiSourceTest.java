package dev.marketlens.sync.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.model.id.VendorId;
import dev.marketlens.model.license.License;
import dev.marketlens.sync.client.ApiAccount;
import dev.marketlens.sync.client.ReportingClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("ApiSource's spool directory")
class ApiSourceTest {

  @TempDir Path spool;

  @Test
  @DisplayName(
      "opening an export deletes the downloads a killed run left unfinished and keeps the export it"
          + " resumes from")
  void deletesUnfinishedDownloads() throws IOException {
    Files.writeString(spool.resolve("marketlens-export-8813.body"), "[{\"addonLicenseId\": \"12");
    Files.writeString(spool.resolve("marketlens-export-9920.body"), "");
    String kept = "licenses-all-5f0c2d1e";
    String keptFree = "free-licenses-all-77aa01";
    Files.writeString(spool.resolve(kept), "[]");
    Files.writeString(spool.resolve(keptFree), "[]");
    Files.writeString(spool.resolve("notes.txt"), "not the sync's");
    // Nothing listens on port 9: the kept export is read without a request.
    ReportingClient client =
        ReportingClient.builder(
                ApiAccount.v2(VendorId.of("1001"), "reports@vendor.example", "token")
                    .withBaseUrl(URI.create("http://127.0.0.1:9")))
            .spoolDirectory(spool)
            .build();

    try (Source.Export<License> export =
        new ApiSource(client, spool)
            .licenses(Optional.empty(), Optional.of(kept + "|" + keptFree))) {
      assertThat(export.path()).isEqualTo("export kept by an interrupted run");
      assertThat(export.hasNext()).isFalse();
    }

    assertThat(names()).containsExactlyInAnyOrder(kept, keptFree, "notes.txt");
    assertThat(client.requestsSent()).isZero();
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(spool)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
