package dev.marketlens.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The users of the web application. Passwords arrive here already hashed; this class never sees one
 * in clear.
 */
public final class Users {
  private static final List<String> ROLES = List.of("admin", "analyst", "viewer");
  private static final String SELECT =
      "SELECT u.id, u.username, u.password_hash, u.role, u.all_accounts, u.created_at,"
          + " u.disabled_at IS NOT NULL,"
          + " coalesce(array_agg(a.vendor_account_id) FILTER (WHERE a.vendor_account_id IS NOT"
          + " NULL), '{}') FROM users u LEFT JOIN user_accounts a ON a.user_id = u.id ";

  private final DataSource dataSource;

  public Users(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The roles, from most to least allowed. */
  public static List<String> roles() {
    return ROLES;
  }

  /**
   * Adds a user, or replaces the password hash, role and accounts of the one with that name.
   *
   * @param accounts the vendor account ids the user may see; ignored when {@code allAccounts}
   */
  public User save(
      String username,
      String passwordHash,
      String role,
      boolean allAccounts,
      Collection<Long> accounts) {
    if (!ROLES.contains(role)) {
      throw new StoreException("role must be one of " + ROLES + ", got " + role);
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        long id;
        try (PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO users (username, password_hash, role, all_accounts)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (username) DO UPDATE SET"
                    + " password_hash = excluded.password_hash, role = excluded.role,"
                    + " all_accounts = excluded.all_accounts RETURNING id")) {
          insert.setString(1, username);
          insert.setString(2, passwordHash);
          insert.setString(3, role);
          insert.setBoolean(4, allAccounts);
          try (ResultSet rows = insert.executeQuery()) {
            rows.next();
            id = rows.getLong(1);
          }
        }
        try (PreparedStatement delete =
            c.prepareStatement("DELETE FROM user_accounts WHERE user_id = ?")) {
          delete.setLong(1, id);
          delete.executeUpdate();
        }
        if (!allAccounts && !accounts.isEmpty()) {
          try (PreparedStatement link =
              c.prepareStatement(
                  "INSERT INTO user_accounts (user_id, vendor_account_id) VALUES (?, ?)")) {
            for (long account : accounts) {
              link.setLong(1, id);
              link.setLong(2, account);
              link.addBatch();
            }
            link.executeBatch();
          }
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot save user " + username + ": " + e.getMessage(), e);
    }
    return find(username).orElseThrow();
  }

  public Optional<User> find(String username) {
    return one(SELECT + "WHERE u.username = ? GROUP BY u.id", username);
  }

  public Optional<User> find(long id) {
    return one(SELECT + "WHERE u.id = ? GROUP BY u.id", id);
  }

  public List<User> list() {
    return query(SELECT + "GROUP BY u.id ORDER BY u.username");
  }

  /** Whether there is any user yet (the first start creates the first admin). */
  public boolean isEmpty() {
    return query(SELECT + "GROUP BY u.id LIMIT 1").isEmpty();
  }

  /** Changes a user's password hash; false when there is no such user. */
  public boolean changePassword(long id, String passwordHash) {
    return update("UPDATE users SET password_hash = ? WHERE id = ?", passwordHash, id) == 1;
  }

  /** Disables (or enables again) a user: a disabled user cannot sign in nor use tokens. */
  public boolean setDisabled(long id, boolean disabled) {
    return update(
            "UPDATE users SET disabled_at = CASE WHEN ? THEN now() END WHERE id = ?", disabled, id)
        == 1;
  }

  private int update(String sql, Object... values) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        update.setObject(i + 1, values[i]);
      }
      return update.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot change the user: " + e.getMessage(), e);
    }
  }

  private Optional<User> one(String sql, Object key) {
    List<User> users = query(sql, key);
    return users.isEmpty() ? Optional.empty() : Optional.of(users.get(0));
  }

  private List<User> query(String sql, Object... values) {
    List<User> users = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        select.setObject(i + 1, values[i]);
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          Array ids = rows.getArray(8);
          Set<Long> accounts = new HashSet<>();
          for (Object id : (Object[]) ids.getArray()) {
            accounts.add(((Number) id).longValue());
          }
          users.add(
              new User(
                  rows.getLong(1),
                  rows.getString(2),
                  rows.getString(3),
                  rows.getString(4),
                  rows.getBoolean(5),
                  accounts,
                  rows.getTimestamp(6).toInstant(),
                  rows.getBoolean(7)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the users: " + e.getMessage(), e);
    }
    return users;
  }
}
