package cn.gov.enforcement.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * The H2 counterpart of {@code audit_head_forward_only}: the chain's head row is never deleted, its
 * seq never goes back and its chain id never changes, so the application cannot "rewind" the head
 * after cutting off the newest audit rows.
 */
public class ForwardOnlyHeadTrigger implements Trigger {

  @Override
  public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {}

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    // columns: id, seq, hash, chain_id, legacy_sealed
    if (newRow == null || ((Number) newRow[1]).longValue() < ((Number) oldRow[1]).longValue()
        || !oldRow[3].equals(newRow[3]) || (Boolean.TRUE.equals(oldRow[4]) && !Boolean.TRUE.equals(newRow[4]))) {
      throw new SQLException("audit_head may only move forward / 审计链头只能前移", "42501");
    }
  }
}
