/**
 * Text helpers shared by sync's readers (strict UTF-8, RFC 4180 rows); no other package's types.
 */
package dev.marketlens.sync.internal;
