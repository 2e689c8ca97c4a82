/**
 * The platform's vocabulary: money, the Marketplace's enumerations and tiers, contacts, partners.
 */
package dev.marketlens.model;
