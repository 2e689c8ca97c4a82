/**
 * Revenue: the overview, MRR and its movements, churn, retention, cohorts, conversion and renewals.
 */
package dev.marketlens.web.revenue;
