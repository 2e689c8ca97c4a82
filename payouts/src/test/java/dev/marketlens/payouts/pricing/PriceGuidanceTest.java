package dev.marketlens.payouts.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seed 004's price guidance, worked by hand from the seed's steps.
 *
 * <p>The app: cloud $20 a month for 10 users, $200 for 100, $425 for 250, $5,300 for 10,000; server
 * $150 a year for 10 users, $1,000 for 100, $2,000 for 250, $10,000 for 10,000, $12,000 unlimited.
 */
class PriceGuidanceTest {

  static final String BOOK =
      """
      App Key,Hosting,Effective From,Tier,Price
      app,Cloud,2024-01-01,10 Users,20.00
      app,Cloud,2024-01-01,100 Users,200.00
      app,Cloud,2024-01-01,250 Users,425.00
      app,Cloud,2024-01-01,10000 Users,5300.00
      app,Server,2024-01-01,10 Users,150.00
      app,Server,2024-01-01,100 Users,1000.00
      app,Server,2024-01-01,250 Users,2000.00
      app,Server,2024-01-01,10000 Users,10000.00
      app,Server,2024-01-01,Unlimited Users,12000.00
      """;

  static final LocalDate DAY = LocalDate.of(2025, 1, 1);

  @Test
  @DisplayName(
      "SR-C6 cloud–server ratio: 10 users: cloud $20 / 10 = $2.00 a user; server $150 / 10 = $15"
          + " a month / 10 = $1.50 a user; ratio 1.3333")
  void cloudServerRatio() {
    List<PriceGuidance.CloudServer> rows =
        PriceGuidance.cloudServer(PriceBookCsv.read(BOOK, "book.csv"), DAY);
    PriceGuidance.CloudServer ten = rows.get(0);
    assertThat(ten.users()).isEqualTo(10);
    assertThat(ten.serverMonthly()).isEqualByComparingTo("1500");
    assertThat(ten.cloudPerUser()).isEqualByComparingTo("200");
    assertThat(ten.serverPerUser()).isEqualByComparingTo("150");
    assertThat(ten.ratio()).isEqualByComparingTo("1.3333");
    // 100 users: $2.00 a user against $1,000 / 10 / 100 = $1.00: 2.
    assertThat(rows.get(1).ratio()).isEqualByComparingTo("2");
    // 250 users: $1.70 against $0.80: 2.125.
    assertThat(rows.get(2).ratio()).isEqualByComparingTo("2.125");
  }

  @Test
  @DisplayName(
      "SR-C6 cloud–server ratio: 10,000 users and above use the unlimited tier: $0.53 against"
          + " $12,000 / 10 / 10,000 = $0.12, ratio 4.4167")
  void unlimitedTierFromTenThousand() {
    PriceGuidance.CloudServer top =
        PriceGuidance.cloudServer(PriceBookCsv.read(BOOK, "book.csv"), DAY).get(3);
    assertThat(top.serverTier()).isEqualTo("Unlimited Users");
    assertThat(top.ratio()).isEqualByComparingTo("4.4167");
  }

  @Test
  @DisplayName(
      "SR-C6 normalised guidance: DC averages $1,000 / $5,500 / $10,000 a year for 10 / 100 / 250"
          + " users give $10.00 / $5.00 / $3.00 a user; normalised to the app's [11-100] $2.00:"
          + " $4.00 / $2.00 / $1.20; ratios 0.5 / 1 / 1.25")
  void normalisedGuidance() {
    List<PriceGuidance.Reference> reference =
        PriceGuidance.readReference(
            "Users,Average Annual Price\n10,1000.00\n100,5500.00\n250,10000.00\n", "dc.csv");
    List<PriceGuidance.Normalised> rows =
        PriceGuidance.normalised(PriceBookCsv.read(BOOK, "book.csv"), reference, DAY);
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).dcMonthly()).isEqualByComparingTo("10000");
    assertThat(rows.get(0).dcPerUser()).isEqualByComparingTo("1000");
    assertThat(rows.get(1).dcPerUser()).isEqualByComparingTo("500");
    assertThat(rows.get(2).dcPerUser()).isEqualByComparingTo("300");
    assertThat(rows.get(0).guidancePerUser()).isEqualByComparingTo("400");
    assertThat(rows.get(1).guidancePerUser()).isEqualByComparingTo("200");
    assertThat(rows.get(2).guidancePerUser()).isEqualByComparingTo("120");
    assertThat(rows.get(0).appPerUser()).isEqualByComparingTo("200");
    assertThat(rows.get(2).appPerUser()).isEqualByComparingTo("150");
    assertThat(rows.stream().map(PriceGuidance.Normalised::ratio).toList())
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("0.5"), BigDecimal.ONE, new BigDecimal("1.25"));
    assertThat(rows.get(1).fromUsers()).isEqualTo(11);
    assertThat(rows.get(1).toUsers()).isEqualTo(100);
  }

  @Test
  @DisplayName("A reference table without a 100-user row cannot normalise, and says so")
  void referenceNeedsTheHundredUserTier() {
    assertThatThrownBy(
            () -> PriceGuidance.readReference("Users,Average Annual Price\n10,1000.00\n", "dc.csv"))
        .hasMessage(
            "dc.csv, column \"Users\" has no row for 100 users: the [11-100] tier is the one"
                + " guidance is normalised to");
  }

  @Test
  @DisplayName("A reference price that is not an amount names file, line, column and value")
  void badReferencePrice() {
    assertThatThrownBy(
            () -> PriceGuidance.readReference("Users,Average Annual Price\n100,$5,500\n", "dc.csv"))
        .isInstanceOf(PriceBookException.class)
        .hasMessageContaining("dc.csv: line 2");
  }
}
