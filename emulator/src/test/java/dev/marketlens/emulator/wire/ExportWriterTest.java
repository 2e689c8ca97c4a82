package dev.marketlens.emulator.wire;

import static dev.marketlens.emulator.wire.WireFixtures.aCloudLicense;
import static dev.marketlens.emulator.wire.WireFixtures.aCloudSale;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName(
    "spec §7.5/§8.5: export writers are chosen by format and stream any sequence of records")
class ExportWriterTest {

  @DisplayName("spec §7.5: accept=json gives the JSON writers, accept=csv the CSV writers")
  @Test
  void chosenByFormat() {
    WireFormat wire = WireFormat.V3.dataInsights(true);

    assertThat(ExportWriter.licenses(ExportFormat.JSON, wire))
        .isInstanceOf(LicenseJsonWriter.class);
    assertThat(ExportWriter.licenses(ExportFormat.CSV, wire)).isInstanceOf(LicenseCsvWriter.class);
    assertThat(ExportWriter.transactions(ExportFormat.JSON, wire))
        .isInstanceOf(TransactionJsonWriter.class);
    assertThat(ExportWriter.transactions(ExportFormat.CSV, wire))
        .isInstanceOf(TransactionCsvWriter.class);
    for (ExportFormat format : ExportFormat.values()) {
      assertThat(ExportWriter.licenses(format, wire).format()).isEqualTo(format);
      assertThat(ExportWriter.transactions(format, wire).format()).isEqualTo(format);
    }
  }

  @DisplayName("spec §9.2: an Iterable, an Iterator and a Stream of records give the same body")
  @Test
  void sequencesGiveTheSameBody() {
    for (ExportFormat format : ExportFormat.values()) {
      ExportWriter<Transaction> writer = ExportWriter.transactions(format, WireFormat.V2);
      List<Transaction> sales = List.of(aCloudSale(), aCloudSale());

      ByteArrayOutputStream fromIterable = new ByteArrayOutputStream();
      writer.write(sales, fromIterable);
      ByteArrayOutputStream fromIterator = new ByteArrayOutputStream();
      writer.write(sales.iterator(), fromIterator);
      ByteArrayOutputStream fromStream = new ByteArrayOutputStream();
      writer.write(Stream.of(aCloudSale(), aCloudSale()), fromStream);

      assertThat(fromIterable.toByteArray()).isNotEmpty();
      assertThat(fromIterator.toByteArray()).isEqualTo(fromIterable.toByteArray());
      assertThat(fromStream.toByteArray()).isEqualTo(fromIterable.toByteArray());
    }
  }

  @DisplayName(
      "spec §7.5: writers leave the target stream open so the HTTP layer can finish the response")
  @Test
  void targetStaysOpen() {
    for (ExportFormat format : ExportFormat.values()) {
      ClosingTracker out = new ClosingTracker();

      ExportWriter.licenses(format, WireFormat.V2).write(List.of(aCloudLicense()), out);

      assertThat(out.closed).isFalse();
      assertThat(out.size()).isPositive();
      assertThat(out.toString(StandardCharsets.UTF_8)).contains(WireFixtures.APP_KEY);
    }
  }

  private static final class ClosingTracker extends ByteArrayOutputStream {
    boolean closed;

    @Override
    public void close() {
      closed = true;
    }
  }
}
