package cn.gov.enforcement.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ACC-07 (issue 11 item 6): the newest audit rows cut off — which the chain alone cannot show — are
 * found by the head row, and, when the head was rewound too, by the anchor kept outside the
 * database. The next append never reuses a removed seq. The removed rows are put back afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditChainAnchorTest {

  @Autowired AuditLog auditLog;
  @Autowired JdbcTemplate jdbc;

  @Test
  @DisplayName("ACC-07 删除最新的审计记录：链头仍指向被删的记录，校验报告末尾缺失；下一条记录不重用序号")
  void removedTailIsDetectedByTheHead() throws Exception {
    auditLog.append("officer1", AuditAction.LIST, null, "before the tail");
    AuditEntry firstRemoved = auditLog.append("officer1", AuditAction.DOWNLOAD, "r-tail-1", "purpose=INTERNAL");
    AuditEntry lastRemoved = auditLog.append("officer1", AuditAction.DOWNLOAD, "r-tail-2", "purpose=INTERNAL");
    List<Map<String, Object>> removed = rows(firstRemoved.seq(), lastRemoved.seq());
    OwnerDatabase.aroundTriggers(List.of("audit_log"), "DELETE FROM audit_log WHERE seq >= " + firstRemoved.seq());
    try {
      AuditVerification result = auditLog.verify();
      assertThat(result.valid()).isFalse();
      assertThat(result.firstBrokenSeq()).isEqualTo(firstRemoved.seq());
      assertThat(result.problem()).contains("rows " + firstRemoved.seq() + ".." + lastRemoved.seq()).contains("missing");

      AuditEntry next = auditLog.append("officer1", AuditAction.LIST, null, "after the cut");
      assertThat(next.seq()).isEqualTo(lastRemoved.seq() + 1);
      assertThat(next.prevHash()).isEqualTo(lastRemoved.hash());
    } finally {
      restore(removed);
    }
    assertThat(auditLog.verify().valid()).isTrue();
  }

  @Test
  @DisplayName("ACC-07 删除最新的审计记录并回退链头：库外锚点发现末尾缺失")
  void removedTailWithRewoundHeadIsDetectedByTheAnchor() throws Exception {
    AuditEntry keep = auditLog.append("officer1", AuditAction.LIST, null, "kept");
    AuditEntry removedOne = auditLog.append("officer1", AuditAction.DOWNLOAD, "r-anchor", "purpose=POLICE");
    assertThat(auditLog.verify().anchorSeq()).isEqualTo(removedOne.seq());
    List<Map<String, Object>> removed = rows(removedOne.seq(), removedOne.seq());
    OwnerDatabase.aroundTriggers(List.of("audit_log", "audit_head"),
        "DELETE FROM audit_log WHERE seq = " + removedOne.seq(),
        "UPDATE audit_head SET seq = " + keep.seq() + ", hash = '" + keep.hash() + "' WHERE id = 1");
    try {
      AuditVerification result = auditLog.verify();
      assertThat(result.valid()).isFalse();
      assertThat(result.lastSeq()).isEqualTo(keep.seq());
      assertThat(result.firstBrokenSeq()).isEqualTo(removedOne.seq());
      assertThat(result.problem()).contains("anchor").contains("missing");
    } finally {
      restore(removed);
      OwnerDatabase.aroundTriggers(List.of("audit_head"),
          "UPDATE audit_head SET seq = " + removedOne.seq() + ", hash = '" + removedOne.hash() + "' WHERE id = 1");
    }
    assertThat(auditLog.verify().valid()).isTrue();
  }

  @Test
  @DisplayName("ACC-07 应用角色不能回退链头（触发器），也不能删除它")
  void headMovesOnlyForward() {
    AuditEntry entry = auditLog.append("officer1", AuditAction.LIST, null, "head");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("UPDATE audit_head SET seq = ? WHERE id = 1",
        entry.seq() - 1)).isInstanceOf(org.springframework.dao.DataAccessException.class)
        .hasStackTraceContaining("audit_head");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_head"))
        .isInstanceOf(org.springframework.dao.DataAccessException.class).hasStackTraceContaining("audit_head");
  }

  private List<Map<String, Object>> rows(long from, long to) {
    return jdbc.queryForList("SELECT * FROM audit_log WHERE seq BETWEEN ? AND ? ORDER BY seq", from, to);
  }

  private void restore(List<Map<String, Object>> rows) {
    for (Map<String, Object> row : rows) {
      jdbc.update("INSERT INTO audit_log (seq, occurred_at, actor, action, target, detail, prev_hash, hash, format, "
          + "subject_kind, subject_digest) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
          row.get("seq"), row.get("occurred_at"), row.get("actor"), row.get("action"), row.get("target"),
          row.get("detail"), row.get("prev_hash"), row.get("hash"), row.get("format"), row.get("subject_kind"),
          row.get("subject_digest"));
    }
  }
}
