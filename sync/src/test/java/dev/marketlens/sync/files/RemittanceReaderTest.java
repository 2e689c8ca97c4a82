package dev.marketlens.sync.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.marketlens.model.Money;
import dev.marketlens.model.remittance.RemittanceLine;
import dev.marketlens.model.remittance.RemittanceLine.Kind;
import dev.marketlens.sync.wire.WireFormatException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemittanceReaderTest {
  private static final String HEADER =
      "Sale Date,Order ID,License ID (Host SEN),Customer Name,App Name,Sale Price,Net Revenue,"
          + "Reference #\n";

  private static List<RemittanceLine> read(String csv) {
    try (RemittanceReader reader =
            RemittanceReader.open(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "remittance.csv");
        Stream<RemittanceLine> lines = reader.lines()) {
      return lines.toList();
    }
  }

  @Test
  @DisplayName("seed 004 SR-M8: a line keeps its date, ids, names and amounts in exact cents")
  void readsALine() {
    List<RemittanceLine> lines =
        read(
            HEADER
                + "2024-03-01,AT-1001,SEN-L123456,\"Globex, \"\"North\"\"\",Acme Planner,1000.5,"
                + "850.43,MPV0012345\n");
    assertThat(lines)
        .containsExactly(
            new RemittanceLine(
                LocalDate.of(2024, 3, 1),
                "AT-1001",
                "SEN-L123456",
                "Globex, \"North\"",
                "Acme Planner",
                Money.ofCents(100050),
                Money.ofCents(85043),
                "MPV0012345"));
  }

  @Test
  @DisplayName("seed 004 SR-M5/M6: ELA, concession and 10k bills are read, ELA without Host SEN")
  void remittanceOnlyLines() {
    List<RemittanceLine> lines =
        read(
            HEADER
                + "2024-03-05,AT7654321,,Initech,Acme Planner,0.00,425.00,AT7654321\n"
                + "2024-03-08,AT7654322,,Umbrella,Acme Planner,0,120,AT7654322A\n"
                + "2024-03-12,ATL0098765,SEN-L998877,Massive,Acme Planner,24000,20400,ATL0098765A\n");
    assertThat(lines)
        .extracting(RemittanceLine::kind)
        .containsExactly(Kind.ELA_BILL, Kind.CONCESSION_BILL, Kind.TEN_K_BILL);
    assertThat(lines.get(0).licenseId()).isNull();
    assertThat(lines.get(2).netRevenue()).isEqualTo(Money.ofCents(2_040_000));
  }

  @Test
  @DisplayName("columns are mapped by name: another order and extra columns read the same")
  void columnsByName() {
    List<RemittanceLine> lines =
        read(
            "Reference #,Net Revenue,Notes,Sale Price,App Name,Customer Name,"
                + "License ID (Host SEN),Order ID,Sale Date\n"
                + "MPVCR0004567,-850.43,refund,-1000.50,Acme Planner,Globex,SEN-L123456,AT-1002,"
                + "2024-03-20\n");
    assertThat(lines.get(0).reference()).isEqualTo("MPVCR0004567");
    assertThat(lines.get(0).salePrice()).isEqualTo(Money.ofCents(-100050));
    assertThat(lines.get(0).kind()).isEqualTo(Kind.BILL_CREDIT);
  }

  @Test
  @DisplayName("errors name the file, the physical line, the column, the value and the form")
  void errorNamesEverything() {
    String csv =
        HEADER
            + "2024-03-01,AT-1001,SEN-1,\"Globex\nNorth\",Acme Planner,10,8,MPV1\n"
            + "2024-03-01,AT-1001,SEN-1,Globex,Acme Planner,10.001,8,MPV1\n";
    WireFormatException e = catchThrowableOfType(WireFormatException.class, () -> read(csv));
    assertThat(e)
        .hasMessage(
            "remittance.csv line 4, column Sale Price: \"10.001\" has more than 2 decimals:"
                + " amounts are whole cents");
    assertThat(e.location()).isEqualTo("line 4");
    assertThat(e.field()).isEqualTo("column Sale Price");
    assertThat(e.value()).isEqualTo("10.001");
  }

  @Test
  @DisplayName("a CSV that is neither an export nor a remittance report is named as such")
  void notAnImport(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("budget.csv"), "Month,Budget\n2024-03,100\n");
    WireFormatException e =
        catchThrowableOfType(WireFormatException.class, () -> ImportFile.detect(file));
    assertThat(e.getMessage())
        .startsWith("budget.csv line 1: is not a Marketplace export or remittance report: ");
  }
}
