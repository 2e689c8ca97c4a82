/** The current records of an account read back from the store into the model. */
package dev.marketlens.sync.stored;
