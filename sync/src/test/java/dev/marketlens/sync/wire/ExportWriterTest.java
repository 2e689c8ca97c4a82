package dev.marketlens.sync.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.model.license.License;
import dev.marketlens.model.transaction.TransactionLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Writing exports (spec §7.5, §8.5): edge cases, quoting and the writer's contract. */
class ExportWriterTest {

  private static final String AWKWARD = "Acme \"Quoted\", Inc.\r\nSecond line";

  private static final List<License> LICENSES =
      List.of(Records.serverLicense(Records.customer(AWKWARD)), Records.bareLicense());
  private static final List<TransactionLine> LINES =
      List.of(Records.sale(AWKWARD), Records.refund(), Records.manualInvoice());

  @ParameterizedTest
  @EnumSource(ExportFormat.class)
  @DisplayName("edge cases read back equal: quotes and newlines, RTBF, refunds, empties, manual")
  void edgeCasesRoundTrip(ExportFormat format) {
    List<License> licenses =
        ExportRoundTripTest.read(ExportRoundTripTest.writeLicenses(LICENSES, format), "l");
    assertThat(licenses).containsExactlyElementsOf(LICENSES);
    assertThat(licenses.get(0).customer().billingContact().isRedacted()).isTrue();

    List<TransactionLine> lines =
        ExportRoundTripTest.readLines(ExportRoundTripTest.writeLines(LINES, format), "t");
    if (format == ExportFormat.CSV) {
      // CSV has no columns for these JSON-only fields (spec §8.3 "not observed").
      assertThat(lines.get(0).details().proratedDetails()).isEmpty();
      assertThat(lines.get(0).details().cloudComplianceBoundaries()).isEmpty();
      assertThat(lines.get(0).details().licenseLevel()).isNull();
      assertThat(lines.subList(1, 3)).containsExactlyElementsOf(LINES.subList(1, 3));
    } else {
      assertThat(lines).containsExactlyElementsOf(LINES);
    }
    assertThat(lines.get(0).details().dunningStatus())
        .isEqualTo(LINES.get(0).details().dunningStatus());
    assertThat(lines.get(0).customer().company()).isEqualTo(AWKWARD);
  }

  @Test
  @DisplayName("RFC 4180: every cell quoted, inner quotes doubled, line breaks kept, CRLF rows")
  void csvQuoting() {
    String csv = ExportRoundTripTest.text(ExportRoundTripTest.writeLines(LINES, ExportFormat.CSV));
    assertThat(csv).startsWith("\"saleDate\",\"transactionId\",");
    assertThat(csv).contains(",\"Acme \"\"Quoted\"\", Inc.\r\nSecond line\",");
    assertThat(csv).contains("\"Hank \"\"The Boss\"\"\"");
    assertThat(csv.split("\r\n(?=\")")).as("header and one row per line").hasSize(1 + LINES.size());
    assertThat(csv).endsWith("\"\r\n");
  }

  @Test
  @DisplayName("§8.4, §8.5: refund amounts negative, discounts flattened, manual invoice marked")
  void csvCells() {
    List<Map<String, String>> rows =
        EmulatedExports.csvRows(ExportRoundTripTest.writeLines(LINES, ExportFormat.CSV));
    Map<String, String> sale = rows.get(0);
    assertThat(sale.get("purchasePrice")).isEqualTo("1000.5");
    assertThat(sale.get("manualDiscountAmount")).isEqualTo("40.0");
    assertThat(sale.get("manualDiscountReason")).isEqualTo("GOODWILL");
    assertThat(sale.get("marketplacePromotionDiscountCode")).isEqualTo("SPRING24");
    assertThat(sale.get("loyaltyDiscountAmount")).as("no discount of that type").isEmpty();
    assertThat(sale.get("dunningStatus"))
        .isEqualTo(
            "[{\"attemptCount\":1,\"errorCode\":\"card_declined\","
                + "\"paymentAttemptDate\":\"2024-03-01\",\"nextPaymentAttemptDate\":\"2024-03-04\"}]");
    assertThat(sale.get("billingContactName")).isEqualTo("RTBF");
    assertThat(sale.get("isInvoiceManual")).isEmpty();

    Map<String, String> refund = rows.get(1);
    assertThat(refund.get("purchasePrice")).isEqualTo("-1000.5");
    assertThat(refund.get("vendorAmount")).isEqualTo("-850.43");
    assertThat(refund.get("saleType")).isEqualTo("Refund");
    assertThat(refund.get("changeInTier")).isEmpty();
    assertThat(refund.get("originalTransactionId")).isEqualTo("AT-1001");

    Map<String, String> manual = rows.get(2);
    assertThat(manual.get("isInvoiceManual")).isEqualTo("true");
    assertThat(manual.get("saleType")).isEmpty();
    assertThat(manual.get("licenseType")).isEmpty();
    assertThat(manual.get("company")).isEmpty();
  }

  @Test
  @DisplayName("a license without optional fields has empty cells, the required ones filled")
  void emptyOptionals() {
    Map<String, String> row =
        EmulatedExports.csvRows(
                ExportRoundTripTest.writeLicenses(List.of(Records.bareLicense()), ExportFormat.CSV))
            .get(0);
    assertThat(row.get("appEntitlementNumber")).isEqualTo("E-123-456-789");
    assertThat(row.get("status")).isEqualTo("inactive");
    assertThat(row.get("tier")).isEmpty();
    assertThat(row.get("maintenanceEndDate")).isEmpty();
    assertThat(row.get("company")).isEmpty();
    assertThat(row.get("cmtStatus")).isEmpty();
    assertThat(row.get("parentProductName")).isEmpty();
  }

  @Test
  @DisplayName("JSON: a top-level array; an empty export is []")
  void jsonArray() {
    assertThat(
            ExportRoundTripTest.text(ExportRoundTripTest.writeLines(List.of(), ExportFormat.JSON)))
        .isEqualTo("[]");
    String two =
        ExportRoundTripTest.text(
            ExportRoundTripTest.writeLines(
                List.of(Records.refund(), Records.manualInvoice()), ExportFormat.JSON));
    assertThat(two)
        .isEqualTo(
            "["
                + WireJson.transaction(Records.refund())
                + ","
                + WireJson.transaction(Records.manualInvoice())
                + "]");
  }

  @Test
  @DisplayName("an export holds one kind: the other kind and EMPTY are refused")
  void oneKind() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ExportWriter writer = ExportWriter.open(out, ExportKind.LICENSES, ExportFormat.CSV)) {
      assertThatThrownBy(() -> writer.write(Records.refund()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("transaction line cannot be written to a LICENSES export");
    }
    try (ExportWriter writer = ExportWriter.open(out, ExportKind.TRANSACTIONS, ExportFormat.JSON)) {
      assertThatThrownBy(() -> writer.write(Records.bareLicense()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("license cannot be written to a TRANSACTIONS export");
    }
    assertThatThrownBy(() -> ExportWriter.open(out, ExportKind.EMPTY, ExportFormat.JSON))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not EMPTY");
  }

  @Test
  @DisplayName("close ends the export and flushes, leaves the stream open, and is final")
  void closing() {
    class Tracking extends ByteArrayOutputStream {
      boolean closed;

      @Override
      public void close() throws IOException {
        closed = true;
      }
    }
    Tracking out = new Tracking();
    ExportWriter writer = ExportWriter.open(out, ExportKind.TRANSACTIONS, ExportFormat.JSON);
    writer.write(Records.refund());
    writer.close();
    writer.close();

    assertThat(out.closed).isFalse();
    assertThat(out.toString()).endsWith("}]");
    assertThatThrownBy(() -> writer.write(Records.refund()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  @DisplayName("a failing stream surfaces as UncheckedIOException")
  void failingStream() {
    OutputStream broken =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("disk full");
          }
        };
    assertThatThrownBy(
            () -> {
              try (ExportWriter writer =
                  ExportWriter.open(broken, ExportKind.LICENSES, ExportFormat.CSV)) {
                writer.write(Records.bareLicense());
              }
            })
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasRootCauseMessage("disk full");
  }
}
