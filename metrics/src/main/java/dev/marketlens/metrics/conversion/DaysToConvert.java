package dev.marketlens.metrics.conversion;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * How long the evaluation episodes started in one month took to convert: the day of conversion
 * (sale date minus the episode's start, day 0 = the start) of every episode that converted at any
 * time, in ascending order, counted per {@link Bucket}. The days within the conversion window are
 * the ones {@link ConversionMonth} counts as converted and takes its median from.
 *
 * @param windowDays the conversion window {@code W}: a day ≤ W counts as converted
 * @param days the days of conversion, ascending
 */
public record DaysToConvert(YearMonth month, String segment, int windowDays, List<Integer> days) {

  /** The histogram's buckets: 0–7, 8–14, 15–30, 31–60, 61–90 and 91 or more days. */
  public static final List<Bucket> BUCKETS =
      List.of(
          new Bucket(0, 7),
          new Bucket(8, 14),
          new Bucket(15, 30),
          new Bucket(31, 60),
          new Bucket(61, 90),
          new Bucket(91, Integer.MAX_VALUE));

  /** Days {@code fromDay}–{@code toDay}, both included; {@code toDay} MAX_VALUE for open-ended. */
  public record Bucket(int fromDay, int toDay) {

    public boolean contains(int day) {
      return day >= fromDay && day <= toDay;
    }

    /** {@code 0–7}, or {@code 91+} for the open-ended bucket. */
    public String label() {
      return toDay == Integer.MAX_VALUE ? fromDay + "+" : fromDay + "–" + toDay;
    }

    /** The bucket as a field name: {@code days0to7}, {@code days91plus}. */
    public String field() {
      return toDay == Integer.MAX_VALUE
          ? "days" + fromDay + "plus"
          : "days" + fromDay + "to" + toDay;
    }
  }

  public DaysToConvert {
    days = List.copyOf(days);
  }

  /** Episodes that converted at any time (the report's {@code eventualConversions}). */
  public int eventualConversions() {
    return days.size();
  }

  /** Episodes that converted within the window (the report's {@code converted}). */
  public int converted() {
    return (int) days.stream().filter(d -> d <= windowDays).count();
  }

  /** The median day among those converted within the window, or null when none did. */
  public Integer medianDaysToConvert() {
    return Conversions.median(
        days.stream().filter(d -> d <= windowDays).mapToInt(Integer::intValue).toArray());
  }

  /** How many conversions fall in each of {@link #BUCKETS}, in order. */
  public List<Integer> counts() {
    List<Integer> counts = new ArrayList<>();
    for (Bucket b : BUCKETS) {
      counts.add((int) days.stream().filter(b::contains).count());
    }
    return counts;
  }
}
