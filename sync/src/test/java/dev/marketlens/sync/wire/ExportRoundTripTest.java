package dev.marketlens.sync.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.model.license.License;
import dev.marketlens.model.transaction.TransactionLine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Records read from the emulator's exports, written back by {@link ExportWriter} and {@link
 * WireJson}, read again: the model objects must be equal (spec §7.5, §8.5).
 */
class ExportRoundTripTest {

  @ParameterizedTest
  @EnumSource(ExportFormat.class)
  @DisplayName("licenses read from the emulator's export read back equal after writing")
  void licensesRoundTrip(ExportFormat format) {
    List<License> read = read(EmulatedExports.licenses(format), "licenses." + format);
    assertThat(read).hasSizeGreaterThan(100);

    byte[] written = writeLicenses(read, format);
    List<License> again = read(written, "written." + format);

    assertThat(again).containsExactlyElementsOf(read);
    assertThat(writeLicenses(again, format)).isEqualTo(written);
  }

  @ParameterizedTest
  @EnumSource(ExportFormat.class)
  @DisplayName("transaction lines read from the emulator's export read back equal after writing")
  void transactionsRoundTrip(ExportFormat format) {
    List<TransactionLine> read =
        readLines(EmulatedExports.transactions(format), "transactions." + format);
    assertThat(read).hasSizeGreaterThan(100);
    assertThat(read).anyMatch(TransactionLine::isRefund);

    byte[] written = writeLines(read, format);
    List<TransactionLine> again = readLines(written, "written." + format);

    assertThat(again).containsExactlyElementsOf(read);
    assertThat(writeLines(again, format)).isEqualTo(written);
  }

  @org.junit.jupiter.api.Test
  @DisplayName("the JSON of one license is canonical: it reads back to an equal license")
  void wireJsonLicenseIsCanonical() {
    List<License> read = read(EmulatedExports.licenses(ExportFormat.JSON), "licenses.json");
    for (License license : read) {
      String json = WireJson.license(license);
      License back = Exports.licenses(Exports.text("record", "[" + json + "]")).get(0);
      assertThat(back).isEqualTo(license);
      assertThat(WireJson.license(back)).isEqualTo(json);
    }
  }

  @org.junit.jupiter.api.Test
  @DisplayName("the JSON of one transaction line is canonical: it reads back to an equal line")
  void wireJsonTransactionIsCanonical() {
    List<TransactionLine> read =
        readLines(EmulatedExports.transactions(ExportFormat.JSON), "transactions.json");
    assertThat(read).anyMatch(t -> !t.details().proratedDetails().isEmpty());
    for (TransactionLine line : read) {
      String json = WireJson.transaction(line);
      TransactionLine back = Exports.transactions(Exports.text("record", "[" + json + "]")).get(0);
      assertThat(back).isEqualTo(line);
      assertThat(WireJson.transaction(back)).isEqualTo(json);
    }
  }

  @org.junit.jupiter.api.Test
  @DisplayName("the generated world exercises the fields beyond price and period")
  // The world generates no upgrade evaluations and no transaction appEdition: ExportFieldsTest
  // and WireJsonTest cover those.
  void worldCoversTheDetails() {
    org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();
    List<License> licenses = read(EmulatedExports.licenses(ExportFormat.JSON), "licenses.json");
    soft.assertThat(licenses).anyMatch(l -> l.details().cmt() != null);
    soft.assertThat(licenses).anyMatch(l -> "No".equals(l.details().extendedServerSupport()));
    soft.assertThat(licenses).anyMatch(l -> l.details().licenseSourceType() != null);
    soft.assertThat(licenses).anyMatch(l -> l.details().transactionAccountId() != null);
    soft.assertThat(licenses).anyMatch(l -> l.details().newBillingSystem() != null);
    soft.assertThat(licenses).anyMatch(l -> !l.details().cloudComplianceBoundaries().isEmpty());
    soft.assertThat(licenses).anyMatch(l -> l.customer().technicalContact().phone() != null);

    List<TransactionLine> lines =
        readLines(EmulatedExports.transactions(ExportFormat.JSON), "transactions.json");
    soft.assertThat(lines).anyMatch(t -> t.details().refundReason() != null);
    soft.assertThat(lines).anyMatch(t -> t.details().creditNoteReason() != null);
    soft.assertThat(lines).anyMatch(t -> "Yes".equals(t.details().changeInBillingPeriod()));
    soft.assertThat(lines).anyMatch(t -> t.details().oldBillingPeriod() != null);
    soft.assertThat(lines).anyMatch(t -> t.details().paymentTerms() != null);
    soft.assertThat(lines).anyMatch(t -> !t.details().proratedDetails().isEmpty());
    soft.assertThat(lines)
        .anyMatch(t -> t.parentProduct() != null && t.parentProduct().changeInEdition() != null);
    soft.assertAll();
  }

  @org.junit.jupiter.api.Test
  @DisplayName(
      "§7.3 showLicensesHistory: every version with its recordCreatedDate reads back equal")
  void licenseHistory() {
    dev.marketlens.emulator.wire.LicenseJsonWriter emulator =
        new dev.marketlens.emulator.wire.LicenseJsonWriter(
            new dev.marketlens.emulator.wire.WireFormat(
                dev.marketlens.emulator.wire.WireFormat.ApiVersion.V2, true));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (tools.jackson.core.JsonGenerator g =
        dev.marketlens.emulator.wire.WireJson.createGenerator(out)) {
      g.writeStartArray();
      for (var history : EmulatedExports.world().licenseHistories().subList(0, 200)) {
        for (var version : history.versions()) {
          emulator.writeRecord(version.record(), g, version.since());
        }
      }
      g.writeEndArray();
    }
    List<License> read = read(out.toByteArray(), "history.json");
    assertThat(read).hasSizeGreaterThan(200);
    assertThat(read).allMatch(l -> l.details().recordCreatedDate() != null);

    List<License> again = read(writeLicenses(read, ExportFormat.JSON), "written.json");
    assertThat(again).containsExactlyElementsOf(read);
  }

  static List<License> read(byte[] export, String source) {
    return Exports.licenses(ExportReader.open(new ByteArrayInputStream(export), source));
  }

  static List<TransactionLine> readLines(byte[] export, String source) {
    return Exports.transactions(ExportReader.open(new ByteArrayInputStream(export), source));
  }

  static byte[] writeLicenses(List<License> licenses, ExportFormat format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ExportWriter writer = ExportWriter.open(out, ExportKind.LICENSES, format)) {
      licenses.forEach(writer::write);
    }
    return out.toByteArray();
  }

  static byte[] writeLines(List<TransactionLine> lines, ExportFormat format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ExportWriter writer = ExportWriter.open(out, ExportKind.TRANSACTIONS, format)) {
      lines.forEach(writer::write);
    }
    return out.toByteArray();
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
