package cn.gov.enforcement.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * The H2 counterpart of the PostgreSQL trigger function {@code evidence_refuse_change}: originals'
 * rows, their classification and event rows and the audit log are append-only (ACC-01, ACC-07), so
 * the embedded database refuses UPDATE and DELETE just as production does.
 */
public class AppendOnlyTrigger implements Trigger {

  private String table;

  @Override
  public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
    this.table = tableName;
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    String operation = newRow == null ? "DELETE" : "UPDATE";
    throw new SQLException(operation + " on " + table + " refused: the table is append-only / 只允许追加，拒绝修改或删除", "42501");
  }
}
