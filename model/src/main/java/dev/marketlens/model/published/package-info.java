/** The reporting API's own aggregate figures about a vendor, in the platform's terms. */
package dev.marketlens.model.published;
