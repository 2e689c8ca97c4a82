/**
 * The simulated vendor world: a deterministic, seeded customer base whose evaluations, purchases,
 * renewals, upgrades, migrations, refunds and record changes follow the commerce rules,
 * materialised as the licenses and transactions the reporting API serves, with their version
 * history and the ground truth.
 */
package dev.marketlens.emulator.world;
