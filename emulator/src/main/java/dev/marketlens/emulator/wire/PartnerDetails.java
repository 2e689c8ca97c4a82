package dev.marketlens.emulator.wire;

/** {@code partnerDetails}: the Solution Partner or reseller that made the sale. */
public record PartnerDetails(String partnerName, PartnerType partnerType, Contact billingContact) {}
