/** The live reporting API's quirks and the faults a client must survive, each a named switch. */
package dev.marketlens.emulator.quirks;
