package dev.marketlens.metrics.mrr;

import dev.marketlens.metrics.Basis;
import dev.marketlens.metrics.segments.Dimension;
import dev.marketlens.model.BillingPeriod;
import dev.marketlens.model.SaleType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A vendor's transaction lines in columns, ready for the engine: each line's license lineage and
 * customer (resolved beforehand, see {@code identity}), its sale type, service period, sale date,
 * billing period and its amount on each basis, and a <em>profile</em> — the line's values of every
 * {@link Dimension}, shared by the many lines that have the same ones.
 *
 * <p>Lines are kept grouped by license, each license's lines in the spec's order (§2.4): service
 * start, then sale date, then New &lt; Renewal &lt; Refund &lt; Downgrade &lt; Upgrade, then the
 * order they were added in (callers add them in line item id order). About 50 bytes a line: ten
 * million lines fit in half a gigabyte.
 */
public final class Book {

  /** A line's billing period: none (a manual invoice or a legacy row), monthly, annual. */
  public static final byte NO_PERIOD = -1;

  public static final byte MONTHLY = 0;
  public static final byte ANNUAL = 1;

  private static final SaleType[] SALE_TYPES = SaleType.values();

  final int size;
  final int[] license;
  final int[] customer;
  final int[] profile;
  final byte[] saleType;
  final byte[] billing;
  final int[] start;
  final int[] end;
  final int[] saleDate;
  final long[] net;
  final long[] gross;
  final long[] list;

  /** The line a zero-length refund refunds, or -1. */
  final int[] refundOf;

  /** Lines of license {@code l} are {@code [licenseStart[l], licenseStart[l + 1])}. */
  final int[] licenseStart;

  /**
   * Lines of customer {@code c} are {@code customerLines[customerStart[c] … customerStart[c+1])}.
   */
  final int[] customerLines;

  final int[] customerStart;

  /** The position in the book of each line, by the number it was added with. */
  private final int[] position;

  final List<String> licenses;
  final List<String> customers;
  final List<String[]> profiles;

  private Book(Builder b, int[] order) {
    this.size = b.size;
    this.position = new int[size];
    for (int k = 0; k < size; k++) {
      position[order[k]] = k;
    }
    this.license = permute(b.license, order);
    this.customer = permute(b.customer, order);
    this.profile = permute(b.profile, order);
    this.saleType = permute(b.saleType, order);
    this.billing = permute(b.billing, order);
    this.start = permute(b.start, order);
    this.end = permute(b.end, order);
    this.saleDate = permute(b.saleDate, order);
    this.net = permute(b.net, order);
    this.gross = permute(b.gross, order);
    this.list = permute(b.list, order);
    this.refundOf = new int[size];
    for (int k = 0; k < size; k++) {
      int original = b.refundOf[order[k]];
      refundOf[k] = original < 0 ? -1 : position[original];
    }
    this.licenses = List.copyOf(b.licenses);
    this.customers = List.copyOf(b.customers);
    this.profiles = List.copyOf(b.profiles);
    this.licenseStart = offsets(license, licenses.size());
    this.customerStart = offsets(customer, customers.size());
    this.customerLines = new int[size];
    int[] next = Arrays.copyOf(customerStart, customers.size());
    for (int k = 0; k < size; k++) {
      customerLines[next[customer[k]]++] = k;
    }
  }

  public int size() {
    return size;
  }

  public int licenseCount() {
    return licenses.size();
  }

  public int customerCount() {
    return customers.size();
  }

  /** The canonical key of a license lineage. */
  public String licenseKey(int license) {
    return licenses.get(license);
  }

  public String customerKey(int customer) {
    return customers.get(customer);
  }

  /** Every profile's values, in {@link Dimension} order. */
  public List<String[]> profiles() {
    return profiles;
  }

  /** Where the line added as number {@code added} is in the book. */
  public int lineAdded(int added) {
    return position[added];
  }

  /** The first of a license's lines; they run to {@link #licenseLinesEnd}. */
  public int licenseLinesStart(int license) {
    return licenseStart[license];
  }

  public int licenseLinesEnd(int license) {
    return licenseStart[license + 1];
  }

  /** How many lines a customer has. */
  public int customerLineCount(int customer) {
    return customerStart[customer + 1] - customerStart[customer];
  }

  /** A customer's {@code i}-th line. */
  public int customerLine(int customer, int i) {
    return customerLines[customerStart[customer] + i];
  }

  public int customerOf(int line) {
    return customer[line];
  }

  public int licenseOf(int line) {
    return license[line];
  }

  public int profileOf(int line) {
    return profile[line];
  }

  public SaleType saleType(int line) {
    return SALE_TYPES[saleType[line]];
  }

  public int start(int line) {
    return start[line];
  }

  public int end(int line) {
    return end[line];
  }

  public int saleDate(int line) {
    return saleDate[line];
  }

  /** A line's amount on a basis, in cents. */
  public long amount(int line, Basis basis) {
    return switch (basis) {
      case NET -> net[line];
      case GROSS -> gross[line];
      case LIST -> list[line];
    };
  }

  long[] amounts(Basis basis) {
    return switch (basis) {
      case NET -> net;
      case GROSS -> gross;
      case LIST -> list;
    };
  }

  /** The month the earliest service starts in, or empty for an empty book. */
  public OptionalInt firstMonth() {
    int first = Integer.MAX_VALUE;
    for (int k = 0; k < size; k++) {
      first = Math.min(first, start[k]);
    }
    return size == 0 ? OptionalInt.empty() : OptionalInt.of(Months.ofEpochDay(first));
  }

  private static int[] offsets(int[] group, int groups) {
    int[] offsets = new int[groups + 1];
    for (int g : group) {
      offsets[g + 1]++;
    }
    for (int g = 0; g < groups; g++) {
      offsets[g + 1] += offsets[g];
    }
    return offsets;
  }

  private static int[] permute(int[] column, int[] order) {
    int[] out = new int[order.length];
    for (int k = 0; k < order.length; k++) {
      out[k] = column[order[k]];
    }
    return out;
  }

  private static long[] permute(long[] column, int[] order) {
    long[] out = new long[order.length];
    for (int k = 0; k < order.length; k++) {
      out[k] = column[order[k]];
    }
    return out;
  }

  private static byte[] permute(byte[] column, int[] order) {
    byte[] out = new byte[order.length];
    for (int k = 0; k < order.length; k++) {
      out[k] = column[order[k]];
    }
    return out;
  }

  /** §2.4: New &lt; Renewal &lt; Refund &lt; Downgrade &lt; Upgrade. */
  static int typeOrder(byte saleType) {
    return switch (SALE_TYPES[saleType]) {
      case NEW -> 0;
      case RENEWAL -> 1;
      case REFUND -> 2;
      case DOWNGRADE -> 3;
      case UPGRADE -> 4;
    };
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects lines; license, customer and profile numbers are handed out as keys first appear. */
  public static final class Builder {
    private int size;
    private int[] license = new int[1024];
    private int[] customer = new int[1024];
    private int[] profile = new int[1024];
    private byte[] saleType = new byte[1024];
    private byte[] billing = new byte[1024];
    private int[] start = new int[1024];
    private int[] end = new int[1024];
    private int[] saleDate = new int[1024];
    private long[] net = new long[1024];
    private long[] gross = new long[1024];
    private long[] list = new long[1024];
    private int[] refundOf = new int[1024];
    private final List<String> licenses = new ArrayList<>();
    private final Map<String, Integer> licenseNumbers = new HashMap<>();
    private final List<String> customers = new ArrayList<>();
    private final Map<String, Integer> customerNumbers = new HashMap<>();
    private final List<String[]> profiles = new ArrayList<>();
    private final Map<List<String>, Integer> profileNumbers = new HashMap<>();

    private Builder() {}

    /** The number of a license lineage, by its canonical key. */
    public int license(String key) {
      return licenseNumbers.computeIfAbsent(
          key,
          k -> {
            licenses.add(k);
            return licenses.size() - 1;
          });
    }

    /** The number of a customer, by its key. */
    public int customer(String key) {
      return customerNumbers.computeIfAbsent(
          key,
          k -> {
            customers.add(k);
            return customers.size() - 1;
          });
    }

    /** The number of a profile: one value per {@link Dimension}, in its order. */
    public int profile(String... values) {
      if (values.length != Dimension.values().length) {
        throw new IllegalArgumentException(
            "a profile has " + Dimension.values().length + " values, not " + values.length);
      }
      String[] copy = values.clone();
      for (int k = 0; k < copy.length; k++) {
        if (copy[k] == null || copy[k].isBlank()) {
          copy[k] = Dimension.UNKNOWN;
        }
      }
      return profileNumbers.computeIfAbsent(
          List.of(copy),
          k -> {
            profiles.add(copy);
            return profiles.size() - 1;
          });
    }

    /**
     * Adds a line and returns its number (in order of addition).
     *
     * @param start first day of service, epoch day
     * @param end first day no longer served (half-open), epoch day
     * @param billingPeriod null when the line has none
     */
    public int line(
        int licenseNumber,
        int customerNumber,
        int profileNumber,
        SaleType type,
        long start,
        long end,
        long saleDate,
        BillingPeriod billingPeriod,
        long netCents,
        long grossCents,
        long listCents) {
      if (licenseNumber < 0 || licenseNumber >= licenses.size()) {
        throw new IllegalArgumentException("unknown license number " + licenseNumber);
      }
      if (customerNumber < 0 || customerNumber >= customers.size()) {
        throw new IllegalArgumentException("unknown customer number " + customerNumber);
      }
      if (profileNumber < 0 || profileNumber >= profiles.size()) {
        throw new IllegalArgumentException("unknown profile number " + profileNumber);
      }
      if (size == license.length) {
        grow();
      }
      int k = size++;
      license[k] = licenseNumber;
      customer[k] = customerNumber;
      profile[k] = profileNumber;
      saleType[k] = (byte) type.ordinal();
      billing[k] =
          billingPeriod == null
              ? NO_PERIOD
              : billingPeriod == BillingPeriod.MONTHLY ? MONTHLY : ANNUAL;
      this.start[k] = Math.toIntExact(start);
      this.end[k] = Math.toIntExact(end);
      this.saleDate[k] = Math.toIntExact(saleDate);
      net[k] = netCents;
      gross[k] = grossCents;
      list[k] = listCents;
      refundOf[k] = -1;
      return k;
    }

    /** Records that a refund line refunds an earlier line (used when its period is empty). */
    public void refunds(int refundLine, int originalLine) {
      if (refundLine >= size || originalLine >= size || refundLine < 0 || originalLine < 0) {
        throw new IllegalArgumentException("unknown line " + refundLine + " or " + originalLine);
      }
      refundOf[refundLine] = originalLine;
    }

    public int size() {
      return size;
    }

    private void grow() {
      int n = license.length * 2;
      license = Arrays.copyOf(license, n);
      customer = Arrays.copyOf(customer, n);
      profile = Arrays.copyOf(profile, n);
      saleType = Arrays.copyOf(saleType, n);
      billing = Arrays.copyOf(billing, n);
      start = Arrays.copyOf(start, n);
      end = Arrays.copyOf(end, n);
      saleDate = Arrays.copyOf(saleDate, n);
      net = Arrays.copyOf(net, n);
      gross = Arrays.copyOf(gross, n);
      list = Arrays.copyOf(list, n);
      refundOf = Arrays.copyOf(refundOf, n);
    }

    /** The book: lines grouped by license and ordered within each (§2.4). */
    public Book build() {
      int[] offsets = offsets(Arrays.copyOf(license, size), licenses.size());
      int[] order = new int[size];
      int[] next = Arrays.copyOf(offsets, licenses.size());
      for (int k = 0; k < size; k++) {
        order[next[license[k]]++] = k;
      }
      for (int l = 0; l < licenses.size(); l++) {
        sortLicense(order, offsets[l], offsets[l + 1]);
      }
      return new Book(this, order);
    }

    /** A stable insertion sort: a license has few lines. */
    private void sortLicense(int[] order, int from, int to) {
      for (int i = from + 1; i < to; i++) {
        int line = order[i];
        int j = i - 1;
        while (j >= from && before(line, order[j])) {
          order[j + 1] = order[j];
          j--;
        }
        order[j + 1] = line;
      }
    }

    private boolean before(int a, int b) {
      if (start[a] != start[b]) {
        return start[a] < start[b];
      }
      if (saleDate[a] != saleDate[b]) {
        return saleDate[a] < saleDate[b];
      }
      return typeOrder(saleType[a]) < typeOrder(saleType[b]);
    }
  }
}
