package dev.marketlens.sync.wire;

import static dev.marketlens.sync.wire.Exports.licenses;
import static dev.marketlens.sync.wire.Exports.text;
import static dev.marketlens.sync.wire.Exports.transactions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BadExportTest {
  private static final String TX_HEADER =
      "transactionId,transactionLineItemId,addonKey,saleDate,saleType,licenseType,hosting,"
          + "billingPeriod,purchasePrice,vendorAmount,maintenanceStartDate,maintenanceEndDate,"
          + "lastUpdated,addonLicenseId,company,manualDiscountAmount,manualDiscountReason,tier\n";
  private static final String TX_ROW =
      "AT-1,1,com.acme,2024-03-01,New,COMMERCIAL,Server,Annual,%s,%s,2024-03-01,2025-03-01,"
          + "2024-03-01,42,Globex,%s,%s,%s\n";

  private static String txRow(String price, String vendor, String manual, String reason) {
    return String.format(TX_ROW, price, vendor, manual, reason, "10 Users");
  }

  private static String goodRow() {
    return txRow("10", "8", "", "");
  }

  private static final String LICENSE_JSON =
      "{\"addonLicenseId\": \"42\", \"addonKey\": \"com.acme\", \"hosting\": \"Server\","
          + " \"licenseType\": \"COMMERCIAL\", \"status\": \"active\","
          + " \"maintenanceStartDate\": \"2024-03-01\", \"lastUpdated\": \"2024-03-01\"%s}";

  private static String license(String extra) {
    return String.format(LICENSE_JSON, extra);
  }

  private static String txJson(String purchaseDetails) {
    return "[{\"transactionId\": \"AT-1\", \"transactionLineItemId\": \"1\","
        + " \"addonLicenseId\": \"42\", \"addonKey\": \"com.acme\", \"lastUpdated\": \"2024-03-01\","
        + "\n \"purchaseDetails\": {\"saleDate\": \"2024-03-01\", \"licenseType\": \"COMMERCIAL\","
        + " \"hosting\": \"Server\", \"billingPeriod\": \"Annual\", \"maintenanceStartDate\":"
        + " \"2024-03-01\", \"maintenanceEndDate\": \"2025-03-01\", "
        + purchaseDetails
        + "}}]";
  }

  private static WireFormatException failure(ThrowingCallable read) {
    WireFormatException e = catchThrowableOfType(WireFormatException.class, read);
    assertThat(e).as("a WireFormatException").isNotNull();
    return e;
  }

  @Test
  @DisplayName("§4.1: a CSV amount with a decimal comma names file, line, column, value, expected")
  void csvAmount() {
    String csv = TX_HEADER + goodRow() + txRow("\"12,5\"", "8", "", "");
    WireFormatException e = failure(() -> transactions(text("transactions.csv", csv)));
    assertThat(e)
        .hasMessage(
            "transactions.csv line 3, column purchasePrice: \"12,5\" is not an amount (expected a"
                + " decimal like 12.34)");
    assertThat(e.source()).isEqualTo("transactions.csv");
    assertThat(e.location()).isEqualTo("line 3");
    assertThat(e.field()).isEqualTo("column purchasePrice");
    assertThat(e.value()).isEqualTo("12,5");
  }

  @Test
  @DisplayName("§4.1: an amount in fractions of a cent is refused")
  void csvSubCent() {
    String csv = TX_HEADER + txRow("10", "8.005", "", "");
    assertThat(failure(() -> transactions(text("t.csv", csv))))
        .hasMessage(
            "t.csv line 2, column vendorAmount: \"8.005\" has more than 2 decimals: amounts are"
                + " whole cents");
  }

  @Test
  @DisplayName("RFC 4180: CSV line numbers count physical lines, including newlines inside quotes")
  void csvPhysicalLines() {
    String multiLine = goodRow().replace("Globex", "\"Glo\nbex\"");
    String csv = TX_HEADER + multiLine + multiLine + txRow("x", "8", "", "");
    assertThat(failure(() -> transactions(text("t.csv", csv))))
        .hasMessageStartingWith("t.csv line 6, column purchasePrice: \"x\" is not an amount");
  }

  @Test
  @DisplayName("RFC 4180: blank lines before the header and a BOM still count as lines")
  void csvLeadingBlankLines() {
    String csv = "\uFEFF\r\n\n" + TX_HEADER + txRow("x", "8", "", "");
    assertThat(failure(() -> transactions(text("t.csv", csv))))
        .hasMessageStartingWith("t.csv line 4, column purchasePrice: \"x\" is not an amount");
  }

  @Test
  @DisplayName("§4.1: dates are strict YYYY-MM-DD")
  void csvDateShape() {
    String csv =
        TX_HEADER + goodRow().replace("AT-1,1,com.acme,2024-03-01", "AT-1,1,com.acme,1/3/2024");
    assertThat(failure(() -> transactions(text("t.csv", csv))))
        .hasMessage(
            "t.csv line 2, column saleDate: \"1/3/2024\" is not a date (expected YYYY-MM-DD)");
  }

  @Test
  @DisplayName("§4.1: a date that does not exist is refused")
  void csvImpossibleDate() {
    String csv =
        TX_HEADER + goodRow().replace(",2024-03-01,2025-03-01,", ",2024-02-30,2025-03-01,");
    assertThat(failure(() -> transactions(text("t.csv", csv))))
        .hasMessage(
            "t.csv line 2, column maintenanceStartDate: \"2024-02-30\" is not a calendar date"
                + " (expected YYYY-MM-DD)");
  }

  @Test
  @DisplayName("§8.3: an unknown hosting value names the allowed values")
  void csvUnknownHosting() {
    String csv = TX_HEADER + goodRow().replace("Server", "Mainframe");
    assertThat(failure(() -> transactions(text("t.csv", csv))))
        .hasMessageStartingWith("t.csv line 2, column hosting: \"Mainframe\" is not one of [")
        .hasMessageContaining("Data Center");
  }

  @Test
  @DisplayName("§18: a tier that is not one of the known shapes is refused")
  void csvBadTier() {
    String csv = TX_HEADER + goodRow().replace("10 Users", "lots");
    assertThat(failure(() -> transactions(text("t.csv", csv))))
        .hasMessageStartingWith("t.csv line 2, column tier: \"lots\" is not a tier (expected ");
  }

  @Test
  @DisplayName("§8.5: a CSV header missing required columns names them")
  void csvMissingColumns() {
    String csv = TX_HEADER.replace("vendorAmount,", "").replace("saleType,", "") + "\n";
    WireFormatException e = failure(() -> transactions(text("t.csv", csv)));
    assertThat(e)
        .hasMessage(
            "t.csv line 1: misses required columns saleType, vendorAmount (in a transaction export"
                + " header)");
  }

  @Test
  @DisplayName("§7.5: a CSV that is neither kind of export is refused")
  void csvUnrecognisable() {
    assertThat(failure(() -> text("x.csv", "name,price\nfoo,1\n")))
        .hasMessageStartingWith("x.csv line 1: is not a recognisable export header");
  }

  @Test
  @DisplayName(
      "RFC 4180: a truncated CSV (an unterminated quote) is reported where the quote opens")
  void csvUnterminatedQuote() {
    String csv = TX_HEADER + goodRow() + goodRow().replace("Globex", "\"Glob");
    assertThat(failure(() -> transactions(text("t.csv", csv))))
        .hasMessage(
            "t.csv line 3: has a quoted value that never closes: the file ends inside it"
                + " (truncated?)");
  }

  @Test
  @DisplayName("RFC 4180: text after a closing quote is refused")
  void csvTextAfterQuote() {
    String csv = TX_HEADER + goodRow().replace("Globex", "\"Glo\"bex");
    assertThat(failure(() -> transactions(text("t.csv", csv))))
        .hasMessage(
            "t.csv line 2: has the character 'b' after a closing quote (expected a comma or the"
                + " end of the row)");
  }

  @Test
  @DisplayName("RFC 4180: a row with more fields than the header is refused")
  void csvRowWidth() {
    String csv = TX_HEADER + goodRow().replace("\n", ",extra\n");
    assertThat(failure(() -> transactions(text("t.csv", csv))))
        .hasMessage("t.csv line 2: has 19 fields but the header has 18 columns");
  }

  @Test
  @DisplayName("§8.5: a discount reason without its amount is refused")
  void csvReasonWithoutAmount() {
    String csv = TX_HEADER + txRow("10", "8", "", "DUAL_LICENSING");
    assertThat(failure(() -> transactions(text("t.csv", csv))))
        .hasMessage(
            "t.csv line 2, column manualDiscountAmount: is empty although column"
                + " manualDiscountReason is \"DUAL_LICENSING\"");
  }

  @Test
  @DisplayName("§8.3: a negative discount amount breaks the model's invariant, reported in place")
  void csvNegativeDiscount() {
    String csv = TX_HEADER + txRow("10", "8", "-5", "");
    assertThat(failure(() -> transactions(text("t.csv", csv))))
        .hasMessage(
            "t.csv line 2, column manualDiscountAmount: \"-5\" must be positive (spec §8.3: USD,"
                + " positive)");
  }

  @Test
  @DisplayName("§8.4: a refund with a positive price breaks the model's invariant, with its line")
  void refundPositive() {
    String csv = TX_HEADER + goodRow().replace(",New,", ",Refund,");
    WireFormatException e = failure(() -> transactions(text("t.csv", csv)));
    assertThat(e)
        .hasMessageStartingWith("t.csv line 2: purchasePrice of refund transaction line")
        .hasMessageContaining("\"10.00\" must be negative or zero");
    assertThat(e.getCause()).isInstanceOf(dev.marketlens.model.ModelException.class);
  }

  @Test
  @DisplayName("§4.1: malformed JSON names the line and column")
  void jsonMalformed() {
    String json = "[\n" + license("") + "\n" + license("") + "]";
    assertThat(failure(() -> licenses(text("response", json))))
        .hasMessageStartingWith("response line 3:1: is not valid JSON: Unexpected character ('{'");
  }

  @Test
  @DisplayName("§7.5: a JSON object is not an export (an array is expected)")
  void jsonObject() {
    assertThat(failure(() -> text("response", "  {\"licenses\": []}")))
        .hasMessage(
            "response: is a JSON object, not an export (expected a top-level array of records, [ … ])");
  }

  @Test
  @DisplayName("§7.5: a truncated JSON array is reported as truncated")
  void jsonTruncated() {
    String json = "[" + license("") + ",\n" + license("");
    assertThat(failure(() -> licenses(text("licenses.json", json))))
        .hasMessageStartingWith("licenses.json line 2:")
        .hasMessageEndingWith(
            ": ends before the export is complete: an array or object is not closed (truncated?)");
  }

  @Test
  @DisplayName("§7.5: a JSON export cut inside a record or a string is reported as truncated")
  void jsonTruncatedInsideRecord() {
    String json = "[" + license("");
    String cut = json.substring(0, json.indexOf("COMMERCIAL") + 3);
    for (String truncated : new String[] {json.substring(0, json.length() - 1), cut}) {
      assertThat(failure(() -> licenses(text("licenses.json", truncated))))
          .as(truncated)
          .hasMessageStartingWith("licenses.json line 1:")
          .hasMessageEndingWith(
              ": ends before the export is complete: an array or object is not closed"
                  + " (truncated?)");
    }
  }

  @Test
  @DisplayName("§7.5: an array of something other than records is refused")
  void jsonNotRecords() {
    assertThat(failure(() -> text("response", "[1, 2]")))
        .hasMessage(
            "response line 1:2: \"1\" is not an export record (expected a JSON object in the"
                + " top-level array)");
  }

  @Test
  @DisplayName("§7.3/§8.3: a record that is neither a license nor a transaction is refused")
  void jsonUnknownRecord() {
    assertThat(failure(() -> text("response", "[{\"hello\": \"world\"}]")))
        .hasMessage(
            "response line 1:2: is neither a license nor a transaction record (expected"
                + " maintenanceStartDate, or transactionLineItemId and purchaseDetails)");
  }

  @Test
  @DisplayName("§7.5: an export holds one kind of record")
  void jsonMixedKinds() {
    String json = "[" + license("") + ",\n" + txJson("\"purchasePrice\": 1").substring(1);
    assertThat(failure(() -> licenses(text("response", json))))
        .hasMessage(
            "response line 2:1: is a transaction record in a license export (an export holds one"
                + " kind)");
  }

  @Test
  @DisplayName(
      "§4.1: JSON money is read as decimal text; a string that is no number names the path")
  void jsonAmount() {
    String json =
        txJson("\"saleType\": \"New\", \"purchasePrice\": \"12,5\", \"vendorAmount\": 10");
    WireFormatException e = failure(() -> transactions(text("response", json)));
    assertThat(e.getMessage())
        .startsWith("response line 2:")
        .endsWith(
            ", field purchaseDetails.purchasePrice: \"12,5\" is not an amount (expected a decimal"
                + " like 12.34)");
    assertThat(e.value()).isEqualTo("12,5");
  }

  @Test
  @DisplayName("§7.3: maintenanceEndDate before maintenanceStartDate is reported with the record")
  void jsonLicenseInvariant() {
    String json = "[\n" + license(", \"maintenanceEndDate\": \"2024-01-01\"") + "]";
    WireFormatException e = failure(() -> licenses(text("licenses.json", json)));
    assertThat(e)
        .hasMessageStartingWith(
            "licenses.json line 2:1: maintenanceEndDate: \"2024-01-01\" is before"
                + " maintenanceStartDate 2024-03-01 of license 42");
  }

  @Test
  @DisplayName("§18: a license with no identifier at all is refused")
  void jsonNoIds() {
    String json = "[" + license("").replace("\"addonLicenseId\": \"42\",", "") + "]";
    assertThat(failure(() -> licenses(text("response", json))))
        .hasMessageStartingWith("response line 1:2: license ids: null are all absent");
  }

  @Test
  @DisplayName("K19: an unknown discount type names the allowed spellings")
  void jsonDiscountType() {
    String json =
        txJson(
            "\"saleType\": \"New\", \"purchasePrice\": 10, \"vendorAmount\": 8, \"discounts\":"
                + " [{\"type\": \"BULK\", \"amount\": 5}]");
    assertThat(failure(() -> transactions(text("response", json))))
        .hasMessageContaining(", field type: \"BULK\" is not one of [LOYALTY_DISCOUNT,");
  }

  @Test
  @DisplayName("§7.5: reading licenses from a transaction export is refused")
  void wrongKind() {
    ExportReader reader = Exports.resource("transactions.csv");
    assertThat(failure(() -> licenses(reader)))
        .hasMessage("transactions.csv: is a transaction export (expected a license export)");
  }

  @Test
  @DisplayName("§7.5: an empty input is refused; an empty JSON array is an empty export")
  void empty() {
    assertThat(failure(() -> text("e.csv", " \n")))
        .hasMessage("e.csv: is empty (expected a JSON array or a CSV header row)");
    ExportReader reader = text("response", "[ ]");
    assertThat(reader.kind()).isEqualTo(ExportKind.EMPTY);
    assertThat(licenses(reader)).isEmpty();
  }

  private static ExportReader bytes(String source, byte[] content) {
    return ExportReader.open(new ByteArrayInputStream(content), source);
  }

  private static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  @DisplayName("§4.1: a JSON body that is not UTF-8 names line and position, never replaced by �")
  void jsonNotUtf8() {
    byte[] json = latin1("[\n" + license(", \"addonName\": \"Caf\u00e9\"") + "]");
    assertThat(failure(() -> licenses(bytes("response", json))))
        .hasMessage(
            "response line 2, position 204: has bytes that are not UTF-8 (0xE9): the file must be"
                + " UTF-8 (save or export it as UTF-8 and import it again)");
  }

  @Test
  @DisplayName("§4.1: a UTF-8 byte order mark before a JSON export is skipped")
  void jsonUtf8Bom() {
    String json = "\uFEFF[" + license(", \"addonName\": \"Caf\u00e9\"") + "]";
    assertThat(licenses(text("licenses.json", json)))
        .singleElement()
        .satisfies(license -> assertThat(license.appName()).isEqualTo("Caf\u00e9"));
  }

  @Test
  @DisplayName("§4.1: a CSV saved as UTF-16 is refused by its byte order mark, before any parsing")
  void csvUtf16() {
    byte[] bom = {(byte) 0xFE, (byte) 0xFF};
    byte[] body = (TX_HEADER + goodRow()).getBytes(StandardCharsets.UTF_16BE);
    byte[] csv = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, csv, 0, bom.length);
    System.arraycopy(body, 0, csv, bom.length, body.length);
    assertThat(failure(() -> transactions(bytes("t.csv", csv))))
        .hasMessage(
            "t.csv: is encoded as UTF-16 (big-endian), says its byte order mark: the file must be"
                + " UTF-8 (save or export it as UTF-8 and import it again)");
  }

  @Test
  @DisplayName("§8.5: a CSV cut inside a multi-byte character is refused, not completed with �")
  void csvCutInsideCharacter() {
    byte[] full =
        (TX_HEADER + goodRow().replace("Globex", "Glob\u00e9x")).getBytes(StandardCharsets.UTF_8);
    byte[] cut = java.util.Arrays.copyOf(full, (TX_HEADER + goodRow()).indexOf("Globex") + 5);
    assertThat(failure(() -> transactions(bytes("t.csv", cut))))
        .hasMessageStartingWith("t.csv line 2, position ")
        .hasMessageContaining("ends inside a UTF-8 character (0xC3)");
  }

  @Test
  @DisplayName("§4.1: blank lines and spaces before a JSON export count in its line:column")
  void jsonLeadingWhitespace() {
    String json = "\n\r\n  [\n" + license(", \"maintenanceEndDate\": \"2024-01-01\"") + "]";
    assertThat(failure(() -> licenses(text("licenses.json", json))))
        .hasMessageStartingWith(
            "licenses.json line 4:1: maintenanceEndDate: \"2024-01-01\" is before");
    assertThat(failure(() -> licenses(text("licenses.json", "\n  [1]"))))
        .hasMessageStartingWith("licenses.json line 2:4: \"1\" is not an export record");
  }
}
