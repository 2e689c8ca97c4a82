package dev.marketlens.model.license;

/**
 * How the customer found the app (spec §7.3 {@code attribution.*}, data insights from 2018-07);
 * each field is null when absent.
 */
public record Attribution(
    String channel,
    String referrerDomain,
    String campaignSource,
    String campaignMedium,
    String campaignName,
    String campaignContent) {}
