/**
 * The platform's license record: identity, app, terms, maintenance period, customer and insights.
 */
package dev.marketlens.model.license;
