package dev.marketlens.emulator.wire;

/** {@code contactDetails} of a license and {@code customerDetails} of a transaction. */
public record ContactDetails(
    String company,
    String country,
    String region,
    Contact technicalContact,
    Contact billingContact) {}
