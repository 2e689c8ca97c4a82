package dev.marketlens.store;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link KilledOwnerIT}: opens the embedded database in the home given as the
 * argument, records a row, says {@code ready} and waits to be killed.
 */
final class HomeHolder {

  private HomeHolder() {}

  public static void main(String[] args) throws Exception {
    Database database = Database.embedded(Path.of(args[0]));
    try (var connection = database.dataSource().getConnection();
        var statement = connection.createStatement()) {
      statement.executeUpdate(
          "INSERT INTO vendor_accounts (name, vendor_id) VALUES ('Held', '7') ON CONFLICT DO"
              + " NOTHING");
    }
    System.out.println("ready");
    System.out.flush();
    Thread.sleep(120_000);
    database.close();
  }
}
