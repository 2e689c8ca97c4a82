package dev.marketlens.emulator.wire;

/**
 * {@code attribution}: how the customer found the app (licenses with data insights, from 2018-07).
 */
public record Attribution(
    String channel,
    String referrerDomain,
    String campaignSource,
    String campaignMedium,
    String campaignName,
    String campaignContent) {}
