package dev.marketlens.emulator.wire;

/**
 * {@code cmtDetails}: a cloud migration trial linked to an on-premise license; {@code status} is
 * {@code active}, {@code converted} or {@code non-converted}.
 */
public record CmtDetails(String status, String relatedOnPremLicense) {}
