package cn.gov.enforcement.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ACC-07: the audit log is append-only and hash-chained; {@code GET /api/audit/verify} finds an edited
 * or a removed row. The tamper test goes around the trigger the way an attacker with the owner's
 * rights would ({@link OwnerDatabase}). The original rows are put back afterwards, so the shared log is whole.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditLogTest {

  @Autowired AuditLog auditLog;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  @SuppressWarnings("rawtypes")
  private Map verify() {
    ResponseEntity<Map> response = rest.withBasicAuth("supervisor1", "demo").getForEntity("/api/audit/verify", Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  @Test
  @DisplayName("ACC-07 每行保存前一行哈希与本行内容的 SHA-256，链条完整时校验通过")
  void chainLinksEveryRow() {
    AuditEntry first = auditLog.append("officer1", AuditAction.VIEW_METADATA, "r-1", "test");
    AuditEntry second = auditLog.append("officer1", AuditAction.LIST, null, "test");
    assertThat(second.seq()).isEqualTo(first.seq() + 1);
    assertThat(second.prevHash()).isEqualTo(first.hash());
    assertThat(second.hash()).isEqualTo(AuditLog.hash(first.hash(), second.seq(), second.occurredAt(), "officer1", "LIST",
        null, "test", null, null));
    assertThat(verify()).containsEntry("valid", true);
  }

  @Test
  @DisplayName("ACC-07 GET /api/audit?from=&to= 由督察等查看；执法人员与辅助人员 403")
  @SuppressWarnings("rawtypes")
  void auditIsReadBySupervision() {
    AuditEntry entry = auditLog.append("officer2", AuditAction.VIEW_METADATA, "r-range", "range test");
    String from = OffsetDateTime.now().minusHours(1).toString();
    String to = OffsetDateTime.now().plusHours(1).toString();
    ResponseEntity<List> response = rest.withBasicAuth("supervisor1", "demo")
        .getForEntity("/api/audit?from={from}&to={to}", List.class, from, to);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(((List<Map>) response.getBody()).stream().map(m -> ((Number) m.get("seq")).longValue())).contains(entry.seq());
    for (String user : List.of("officer1", "aux1")) {
      assertThat(rest.withBasicAuth(user, "demo").getForEntity("/api/audit?from={from}&to={to}", Map.class, from, to)
          .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(rest.withBasicAuth("supervisor1", "demo").getForEntity("/api/audit?from=yesterday&to=x", Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  @DisplayName("ACC-07 绕过触发器篡改一行：校验指出被改的行；恢复后链条重新完整")
  @SuppressWarnings("rawtypes")
  void editedRowIsDetected() throws Exception {
    AuditEntry target = auditLog.append("officer1", AuditAction.DOWNLOAD, "r-tamper", "purpose=INTERNAL");
    auditLog.append("officer1", AuditAction.LIST, null, "after");
    tamper("UPDATE audit_log SET actor = 'someone-else' WHERE seq = " + target.seq());
    try {
      Map result = verify();
      assertThat(result).containsEntry("valid", false);
      assertThat(((Number) result.get("firstBrokenSeq")).longValue()).isEqualTo(target.seq());
      assertThat((String) result.get("problem")).contains("altered");
    } finally {
      tamper("UPDATE audit_log SET actor = 'officer1' WHERE seq = " + target.seq());
    }
    assertThat(verify()).containsEntry("valid", true);
  }

  @Test
  @DisplayName("ACC-07 绕过触发器删除一行：校验指出缺失的行；恢复后链条重新完整")
  @SuppressWarnings("rawtypes")
  void removedRowIsDetected() throws Exception {
    AuditEntry removed = auditLog.append("officer1", AuditAction.DOWNLOAD, "r-remove", "purpose=POLICE");
    auditLog.append("officer1", AuditAction.LIST, null, "after");
    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_log WHERE seq = ?", removed.seq());
    tamper("DELETE FROM audit_log WHERE seq = " + removed.seq());
    try {
      Map result = verify();
      assertThat(result).containsEntry("valid", false);
      assertThat(((Number) result.get("firstBrokenSeq")).longValue()).isEqualTo(removed.seq());
      assertThat((String) result.get("problem")).contains("missing");
    } finally {
      restore(row);
    }
    assertThat(verify()).containsEntry("valid", true);
  }

  /** Runs a statement around the append-only trigger, as the tables' owner or a superuser could. */
  private void tamper(String sql) throws Exception {
    OwnerDatabase.aroundTriggers(List.of("audit_log"), sql);
  }

  private void restore(Map<String, Object> row) {
    jdbc.update("INSERT INTO audit_log (seq, occurred_at, actor, action, target, detail, prev_hash, hash, format, "
        + "subject_kind, subject_digest) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        row.get("seq"), row.get("occurred_at"), row.get("actor"), row.get("action"), row.get("target"), row.get("detail"),
        row.get("prev_hash"), row.get("hash"), row.get("format"), row.get("subject_kind"), row.get("subject_digest"));
  }
}
