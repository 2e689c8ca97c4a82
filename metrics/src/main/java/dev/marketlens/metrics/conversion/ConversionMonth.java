package dev.marketlens.metrics.conversion;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * Evaluation episodes by the month they started (§5.11): how many, how many converted within the
 * window (day 0 = the start), the rate, how many converted at any time, the median day of
 * conversion among those converted in the window (the mean of the middle two, rounded down, for an
 * even count); and Atlassian's variant, whose denominator is the episodes <em>ending</em> in the
 * month.
 */
public record ConversionMonth(
    YearMonth month,
    String segment,
    int evaluations,
    int converted,
    BigDecimal conversionRate,
    int eventualConversions,
    Integer medianDaysToConvert,
    int evaluationsEnding,
    int convertedEnding,
    BigDecimal atlassianConversionRate) {}
