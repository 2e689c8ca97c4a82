package dev.marketlens.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * API tokens for the REST API. A token is random, shown once when created and stored only as its
 * SHA-256: the database cannot give it back, and a token found in the database is useless.
 */
public final class ApiTokens {
  /** What every token starts with, so that secret scanners and people recognise it. */
  public static final String PREFIX = "mlt_";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final DataSource dataSource;

  public ApiTokens(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A token as listed: never the token itself. */
  public record Listed(
      long id,
      long userId,
      String name,
      String prefix,
      Instant createdAt,
      Instant lastUsedAt,
      Instant revokedAt) {}

  /** A token just created: {@code token} is the only time it is seen. */
  public record Created(Listed listed, String token) {
    @Override
    public String toString() {
      return "Created[" + listed + ", token=(hidden)]";
    }
  }

  public Created create(long userId, String name) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    String prefix = token.substring(0, PREFIX.length() + 6);
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO api_tokens (user_id, name, token_sha256, prefix) VALUES (?, ?, ?, ?)"
                    + " RETURNING id, created_at")) {
      insert.setLong(1, userId);
      insert.setString(2, name);
      insert.setBytes(3, sha256(token));
      insert.setString(4, prefix);
      try (ResultSet rows = insert.executeQuery()) {
        rows.next();
        return new Created(
            new Listed(
                rows.getLong(1),
                userId,
                name,
                prefix,
                rows.getTimestamp(2).toInstant(),
                null,
                null),
            token);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot create the token: " + e.getMessage(), e);
    }
  }

  /**
   * The id of the user a live (not revoked) token belongs to; notes its use at most once a minute.
   */
  public Optional<Long> userOf(String token) {
    if (token == null || !token.startsWith(PREFIX)) {
      return Optional.empty();
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT user_id, last_used_at IS NULL OR last_used_at < now() - interval '1"
                    + " minute' FROM api_tokens WHERE token_sha256 = ? AND revoked_at IS NULL")) {
      byte[] hash = sha256(token);
      select.setBytes(1, hash);
      long user;
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        user = rows.getLong(1);
        if (!rows.getBoolean(2)) {
          return Optional.of(user);
        }
      }
      try (PreparedStatement use =
          c.prepareStatement("UPDATE api_tokens SET last_used_at = now() WHERE token_sha256 = ?")) {
        use.setBytes(1, hash);
        use.executeUpdate();
      }
      return Optional.of(user);
    } catch (SQLException e) {
      throw new StoreException("cannot check the token: " + e.getMessage(), e);
    }
  }

  /** The tokens of a user, newest first, revoked ones included. */
  public List<Listed> list(long userId) {
    List<Listed> tokens = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT id, user_id, name, prefix, created_at, last_used_at, revoked_at"
                    + " FROM api_tokens WHERE user_id = ? ORDER BY created_at DESC, id DESC")) {
      select.setLong(1, userId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          tokens.add(
              new Listed(
                  rows.getLong(1),
                  rows.getLong(2),
                  rows.getString(3),
                  rows.getString(4),
                  instant(rows.getTimestamp(5)),
                  instant(rows.getTimestamp(6)),
                  instant(rows.getTimestamp(7))));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot list the tokens: " + e.getMessage(), e);
    }
    return tokens;
  }

  /** Revokes a token of the user; false when the user has no such live token. */
  public boolean revoke(long userId, long tokenId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE api_tokens SET revoked_at = now() WHERE id = ? AND user_id = ?"
                    + " AND revoked_at IS NULL")) {
      update.setLong(1, tokenId);
      update.setLong(2, userId);
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StoreException("cannot revoke the token: " + e.getMessage(), e);
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
