package dev.marketlens.store;

import java.time.Instant;

/**
 * A Marketplace partner account the platform reads from. The API token is not part of it: it is
 * stored encrypted and only {@link VendorAccounts#token} decrypts it.
 *
 * @param apiVersion {@code v2} (by vendor id) or {@code v3} (by developer id)
 */
public record VendorAccount(
    long id,
    String name,
    String apiVersion,
    String vendorId,
    String developerId,
    String baseUrl,
    String email,
    boolean hasToken,
    Instant createdAt) {

  /** The account to create: a name, how to reach the API, and the token (may be null). */
  public record New(
      String name,
      String apiVersion,
      String vendorId,
      String developerId,
      String baseUrl,
      String email,
      String token) {

    @Override
    public String toString() {
      return "VendorAccount.New[name="
          + name
          + ", apiVersion="
          + apiVersion
          + ", vendorId="
          + vendorId
          + ", developerId="
          + developerId
          + ", baseUrl="
          + baseUrl
          + ", email="
          + email
          + ", token="
          + (token == null ? "none" : "(hidden)")
          + "]";
    }
  }
}
