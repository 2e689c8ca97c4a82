/**
 * The transactions and licenses tables: search, filters, sort, pages and CSV, as pages and REST.
 */
package dev.marketlens.web.transactions;
