/**
 * Settings: own password and API tokens; for admins users, vendor accounts, sync interval, audit.
 */
package dev.marketlens.web.admin;
