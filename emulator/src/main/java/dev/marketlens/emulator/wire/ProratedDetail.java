package dev.marketlens.emulator.wire;

import java.time.LocalDate;

/**
 * One entry of {@code purchaseDetails.proratedDetails[]}: users added on a day of a monthly billing
 * cycle.
 */
public record ProratedDetail(int addedUsers, LocalDate date) {}
