/**
 * The customers behind the month-end figures: each customer's MRR by month and movement kind, and
 * the license lineages and transaction lines that belong to a customer.
 */
package dev.marketlens.metrics.customers;
