/** Sign-in, roles, API tokens, login throttling and the audit of what people do. */
package dev.marketlens.web.security;
