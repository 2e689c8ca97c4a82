package dev.marketlens.emulator.wire;

import java.time.LocalDate;

/**
 * One line of the remittance CSV that Accounts Payable sends with the monthly remittance report
 * (seed 004, SR-M8), money in cents. {@code licenseId} (the {@code License ID (Host SEN)} column)
 * and {@code customerName} may be null; the reference says what the line is (SR-M5: {@code MPV…},
 * {@code MPVCR…}, {@code AT…}, {@code AT…A}, {@code ATL…A}).
 */
public record RemittanceRow(
    LocalDate saleDate,
    String orderId,
    String licenseId,
    String customerName,
    String appName,
    long salePriceCents,
    long netRevenueCents,
    String reference) {}
