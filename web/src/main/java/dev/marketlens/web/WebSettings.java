package dev.marketlens.web;

import dev.marketlens.store.Database;
import dev.marketlens.store.TokenCipher;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How the web application runs.
 *
 * @param bindAddress the address to listen on ({@code 127.0.0.1} by default)
 * @param port the port, 0 for any free one
 * @param database the store; the caller owns it and closes it after the server
 * @param home {@code MARKETLENS_HOME}: customer overrides, uploads
 * @param cipher the key that seals the Marketplace API tokens of vendor accounts
 * @param clock whose date is "today" for the metrics ({@code asOf}): the system clock, or the
 *     simulated Marketplace's day in the demo; timeouts and throttling use the system clock
 * @param demo demo mode: the user {@code demo} with password {@code demo} exists, as admin
 * @param adminPassword the first admin's password from configuration, or null to generate one
 * @param secureCookies whether the session cookie is {@code Secure} (browsers still send it to
 *     {@code http://localhost})
 */
public record WebSettings(
    String bindAddress,
    int port,
    Database database,
    Path home,
    TokenCipher cipher,
    Clock clock,
    boolean demo,
    String adminPassword,
    boolean secureCookies) {

  public WebSettings {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(cipher, "cipher");
    Objects.requireNonNull(clock, "clock");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0–65535, got " + port);
    }
  }

  @Override
  public String toString() {
    return "WebSettings[bind="
        + bindAddress
        + ":"
        + port
        + ", home="
        + home
        + ", demo="
        + demo
        + "]";
  }
}
