package dev.marketlens.sync.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Exports too large to hold are read record by record; nothing is timed, rows are counted. */
class StreamingExportTest {
  private static final int ROWS = 200_000;
  private static final long HEAP_GROWTH_LIMIT = 24L * 1024 * 1024;

  /** An export produced on demand, row by row: it never exists whole, in memory or on disk. */
  private static final class GeneratedExport extends InputStream {
    private final String head;
    private final IntFunction<String> row;
    private final String tail;
    private final int rows;
    private int next = -1;
    private byte[] chunk = new byte[0];
    private int position;

    GeneratedExport(String head, IntFunction<String> row, String tail, int rows) {
      this.head = head;
      this.row = row;
      this.tail = tail;
      this.rows = rows;
    }

    @Override
    public int read() {
      if (position == chunk.length && !refill()) {
        return -1;
      }
      return chunk[position++] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      if (position == chunk.length && !refill()) {
        return -1;
      }
      int n = Math.min(length, chunk.length - position);
      System.arraycopy(chunk, position, buffer, offset, n);
      position += n;
      return n;
    }

    private boolean refill() {
      if (next > rows) {
        return false;
      }
      String text = next == -1 ? head : next == rows ? tail : row.apply(next);
      next++;
      chunk = text.getBytes(StandardCharsets.UTF_8);
      position = 0;
      return true;
    }
  }

  private static String csvRow(int i) {
    return "\"2024-03-01\",\"AT-"
        + i
        + "\",\""
        + (1000 + i)
        + "\",\"com.acme.planner\",\"COMMERCIAL\",\"Server\",\"Annual\",\"10 Users\",\"2024-03-01\","
        + "\"2025-03-01\",\"New\",\"120.50\",\"102.43\",\"5\",\"Company "
        + i
        + "\nsecond line\",\"2024-03-02\",\""
        + i
        + "\"\r\n";
  }

  private static String jsonRow(int i) {
    return (i == 0 ? "" : ",\n")
        + "{\"transactionId\":\"AT-"
        + i
        + "\",\"transactionLineItemId\":\""
        + i
        + "\",\"addonLicenseId\":\""
        + (1000 + i)
        + "\",\"addonKey\":\"com.acme.planner\",\"lastUpdated\":\"2024-03-02\","
        + "\"customerDetails\":{\"company\":\"Company "
        + i
        + "\"},\"purchaseDetails\":{\"saleDate\":\"2024-03-01\",\"saleType\":\"New\","
        + "\"licenseType\":\"COMMERCIAL\",\"hosting\":\"Server\",\"billingPeriod\":\"Annual\","
        + "\"tier\":\"10 Users\",\"purchasePrice\":120.50,\"vendorAmount\":102.43,"
        + "\"discounts\":[{\"type\":\"EXPERT\",\"amount\":5}],"
        + "\"maintenanceStartDate\":\"2024-03-01\",\"maintenanceEndDate\":\"2025-03-01\"}}";
  }

  @Test
  @DisplayName("§18: a 200,000-row CSV export is read row by row in bounded memory")
  void csv() {
    String header =
        "saleDate,transactionId,addonLicenseId,addonKey,licenseType,hosting,billingPeriod,tier,"
            + "maintenanceStartDate,maintenanceEndDate,saleType,purchasePrice,vendorAmount,"
            + "expertDiscountAmount,company,lastUpdated,transactionLineItemId\r\n";
    assertStreams(new GeneratedExport(header, StreamingExportTest::csvRow, "", ROWS));
  }

  @Test
  @DisplayName("§18: a 200,000-record JSON export is read record by record in bounded memory")
  void json() {
    assertStreams(new GeneratedExport("[\n", StreamingExportTest::jsonRow, "\n]\n", ROWS));
  }

  private static void assertStreams(InputStream export) {
    AtomicLong baseline = new AtomicLong();
    AtomicLong worstGrowth = new AtomicLong();
    AtomicLong seen = new AtomicLong();
    long count;
    try (ExportReader reader = ExportReader.open(export, "generated");
        Stream<?> lines = reader.transactions()) {
      count =
          lines
              .peek(
                  line -> {
                    long n = seen.incrementAndGet();
                    if (n == 10_000) {
                      baseline.set(usedHeapAfterGc());
                    } else if (n % 50_000 == 0) {
                      worstGrowth.accumulateAndGet(usedHeapAfterGc() - baseline.get(), Math::max);
                    }
                  })
              .count();
    }
    assertThat(count).isEqualTo(ROWS);
    assertThat(worstGrowth.get())
        .as("heap growth while reading (bytes); holding the rows would take far more")
        .isLessThan(HEAP_GROWTH_LIMIT);
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
