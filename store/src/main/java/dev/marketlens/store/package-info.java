/** PostgreSQL for the platform: the schema, the embedded server and the connection pool. */
package dev.marketlens.store;
