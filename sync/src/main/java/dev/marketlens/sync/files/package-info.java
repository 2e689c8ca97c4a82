/** Import files: remittance CSVs read into the model, and what kind of file an import is. */
package dev.marketlens.sync.files;
