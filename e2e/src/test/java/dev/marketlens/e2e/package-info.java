/** End-to-end scenarios across modules and the architecture rules that keep the modules apart. */
package dev.marketlens.e2e;
