/** Customers: who is behind each month's MRR and movements, and one customer's MRR and history. */
package dev.marketlens.web.customers;
