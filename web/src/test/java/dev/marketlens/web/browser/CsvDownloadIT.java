package dev.marketlens.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

@DisplayName("Downloading a CSV in a browser")
class CsvDownloadIT extends BrowserFixture {

  @Test
  @DisplayName(
      "transactions with sale type Renewal, sorted by vendor amount: Download CSV saves the API's"
          + " CSV for the same parameters, one row per transaction line of the page's total")
  void downloadFilteredSortedCsv() throws IOException {
    SitePage page =
        signIn("admin")
            .follow("Transactions", SitePage.as("transactions", By.id("transactions-table")));
    long unfiltered = Long.parseLong(page.value("total"));

    new Select(browser.find(By.id("filter-saleType"))).selectByVisibleText("Renewal");
    swapRecords(browser.find(By.id("apply-search")));
    browser.await(d -> browser.path().contains("saleType=Renewal"));
    swapRecords(
        browser.find(By.cssSelector("#transactions-table th[data-column='vendorAmountCents'] a")));
    browser.await(d -> browser.path().contains("sort=vendorAmountCents"));
    page.screenshot("filtered-sorted");

    long total = Long.parseLong(page.value("total"));
    assertThat(total).isPositive().isLessThan(unfiltered);
    WebElement download = browser.find(By.id("download-csv"));
    String csvUrl = download.getDomAttribute("href");
    assertThat(csvUrl)
        .startsWith("/api/v1/transactions?")
        .contains("saleType=Renewal", "sort=vendorAmountCents", "format=csv");

    Path file = browser.downloads().resolve("transactions.csv");
    Files.deleteIfExists(file);
    download.click();
    browser.await(d -> Files.exists(file) && !downloading());

    String saved = Files.readString(file, StandardCharsets.UTF_8);
    String api = browser.fetchText(csvUrl);
    assertThat(saved).isEqualTo(api);
    List<String> lines = saved.lines().toList();
    assertThat(lines.get(0)).contains("saleType", "vendorAmountCents");
    assertThat(lines).hasSize((int) total + 1);
    int saleType = List.of(lines.get(0).split(",")).indexOf("saleType");
    assertThat(lines.subList(1, lines.size()))
        .allMatch(l -> l.split(",", -1)[saleType].equals("Renewal"), "a renewal");

    JsonNode json = browser.fetchJson(csvUrl.replace("format=csv", "format=json"));
    assertThat(json.get("total").asLong()).isEqualTo(total);
    JsonNode first = json.get("items").get(0);
    assertThat(lines.get(1))
        .contains(first.get("lineItemId").asString(), first.get("vendorAmountCents").toString());
  }

  /** Clicks something that makes htmx replace the records table, and waits for the new one. */
  private void swapRecords(WebElement trigger) {
    WebElement before = browser.find(By.id("records"));
    trigger.click();
    browser.await(ExpectedConditions.stalenessOf(before));
    browser.await(ExpectedConditions.presenceOfElementLocated(By.id("transactions-table")));
  }

  /** Whether Chromium is still writing a download (its partial file). */
  private boolean downloading() {
    try (Stream<Path> files = Files.list(browser.downloads())) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
