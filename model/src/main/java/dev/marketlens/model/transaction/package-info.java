/** The platform's transaction line: one row of an order, its amounts, discounts and refund link. */
package dev.marketlens.model.transaction;
