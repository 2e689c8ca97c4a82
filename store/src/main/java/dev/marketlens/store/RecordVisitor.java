package dev.marketlens.store;

import java.sql.SQLException;

/** Receives stored records one by one, as JSON in the export's shape. */
@FunctionalInterface
public interface RecordVisitor {
  void visit(String json) throws SQLException;
}
