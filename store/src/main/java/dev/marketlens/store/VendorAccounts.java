package dev.marketlens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The vendor accounts of the store. Tokens are encrypted with the installation's {@link
 * TokenCipher} before they reach the database and decrypted only by {@link #token}.
 */
public final class VendorAccounts {
  private static final String COLUMNS =
      "id, name, api_version, vendor_id, developer_id, base_url, email,"
          + " token_encrypted IS NOT NULL, created_at";

  private final DataSource dataSource;
  private final TokenCipher cipher;

  public VendorAccounts(DataSource dataSource, TokenCipher cipher) {
    this.dataSource = dataSource;
    this.cipher = cipher;
  }

  /**
   * Adds an account, or replaces the settings and token of the one with the same name; returns it.
   */
  public VendorAccount save(VendorAccount.New account) {
    if (account.name() == null || account.name().isBlank()) {
      throw new StoreException("an account needs a name");
    }
    if (!"v2".equals(account.apiVersion()) && !"v3".equals(account.apiVersion())) {
      throw new StoreException(
          "the API version of account "
              + account.name()
              + " must be v2 or v3, got "
              + account.apiVersion());
    }
    TokenCipher.Sealed sealed =
        account.token() == null ? null : cipher.seal(account.name(), account.token());
    String sql =
        "INSERT INTO vendor_accounts (name, api_version, vendor_id, developer_id, base_url,"
            + " email, token_encrypted, token_nonce)"
            + " VALUES (?, ?, ?, ?, coalesce(?, 'https://marketplace.atlassian.com'), ?, ?, ?)"
            + " ON CONFLICT (name) DO UPDATE SET api_version = excluded.api_version,"
            + " vendor_id = excluded.vendor_id, developer_id = excluded.developer_id,"
            + " base_url = excluded.base_url, email = excluded.email,"
            + " token_encrypted = excluded.token_encrypted, token_nonce = excluded.token_nonce"
            + " RETURNING "
            + COLUMNS;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setString(1, account.name());
      insert.setString(2, account.apiVersion());
      insert.setString(3, account.vendorId());
      insert.setString(4, account.developerId());
      insert.setString(5, account.baseUrl());
      insert.setString(6, account.email());
      insert.setBytes(7, sealed == null ? null : sealed.ciphertext());
      insert.setBytes(8, sealed == null ? null : sealed.nonce());
      try (ResultSet rows = insert.executeQuery()) {
        rows.next();
        return read(rows);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot save account " + account.name() + ": " + e.getMessage(), e);
    }
  }

  public List<VendorAccount> list() {
    List<VendorAccount> accounts = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM vendor_accounts ORDER BY name");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        accounts.add(read(rows));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot list the accounts: " + e.getMessage(), e);
    }
    return accounts;
  }

  public Optional<VendorAccount> find(String name) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM vendor_accounts WHERE name = ?")) {
      select.setString(1, name);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(read(rows)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read account " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Removes an account and everything stored for it, in one transaction; false when there is none
   * by that name. Its transaction lines are deleted first (their versions cascade from them); the
   * rest cascades from the account.
   */
  public boolean remove(String name) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement lines =
              connection.prepareStatement(
                  "DELETE FROM transaction_lines WHERE vendor_account_id ="
                      + " (SELECT id FROM vendor_accounts WHERE name = ?)");
          PreparedStatement account =
              connection.prepareStatement("DELETE FROM vendor_accounts WHERE name = ?")) {
        lines.setString(1, name);
        lines.executeUpdate();
        account.setString(1, name);
        boolean removed = account.executeUpdate() == 1;
        connection.commit();
        return removed;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot remove account " + name + ": " + e.getMessage(), e);
    }
  }

  /** The decrypted API token of an account, if it has one. Never log it. */
  public Optional<String> token(VendorAccount account) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT token_nonce, token_encrypted FROM vendor_accounts WHERE id = ?")) {
      select.setLong(1, account.id());
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next() || rows.getBytes(2) == null) {
          return Optional.empty();
        }
        return Optional.of(
            cipher.open(
                account.name(), new TokenCipher.Sealed(rows.getBytes(1), rows.getBytes(2))));
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot read the token of account " + account.name() + ": " + e.getMessage(), e);
    }
  }

  private static VendorAccount read(ResultSet rows) throws SQLException {
    return new VendorAccount(
        rows.getLong(1),
        rows.getString(2),
        rows.getString(3),
        rows.getString(4),
        rows.getString(5),
        rows.getString(6),
        rows.getString(7),
        rows.getBoolean(8),
        rows.getObject(9, OffsetDateTime.class).toInstant());
  }
}
