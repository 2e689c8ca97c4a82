/** The Marketplace's identifiers as types, each checked against the format the API uses. */
package dev.marketlens.model.id;
