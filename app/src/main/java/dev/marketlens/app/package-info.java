/**
 * The Marketlens executable: its command line, settings from flags and environment, and the demo.
 */
package dev.marketlens.app;
