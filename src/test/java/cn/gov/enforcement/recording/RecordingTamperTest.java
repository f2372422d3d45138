package cn.gov.enforcement.recording;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.audit.AuditLog;
import cn.gov.enforcement.audit.AuditVerification;
import cn.gov.enforcement.audit.OwnerDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ACC-01 ACC-07 (issue 11 item 6): recording rows and access grants are under a digest in the audit
 * chain, so a row edited around the triggers (as the owner or a superuser could), or a row inserted
 * around the application, is named by verify. Each test puts the row back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordingTamperTest {

  @Autowired TestRestTemplate rest;
  @Autowired AuditLog auditLog;
  @Autowired JdbcTemplate jdbc;
  @Autowired RecordingRepository repository;
  @Autowired TransactionTemplate transaction;

  @Test
  @DisplayName("ACC-01 绕过触发器修改音像记录行（当事人）：审计校验指出被改的记录；恢复后校验通过")
  void editedRecordingRowIsNamed() throws Exception {
    String id = EvidenceFixtures.uploadId(rest, "officer1", EvidenceFixtures.justRecorded("ONSITE_INSPECTION"),
        EvidenceFixtures.wav(0.5));
    String party = jdbc.queryForObject("SELECT party_name FROM recording WHERE id = ?", String.class, id);
    OwnerDatabase.aroundTriggers(List.of("recording"),
        "UPDATE recording SET party_name = '另一家公司' WHERE id = '" + id + "'");
    try {
      AuditVerification result = auditLog.verify();
      assertThat(result.valid()).isFalse();
      assertThat(result.subject()).isEqualTo("recording:" + id);
      assertThat(result.problem()).contains("recording:" + id).contains("altered");
    } finally {
      OwnerDatabase.aroundTriggers(List.of("recording"),
          "UPDATE recording SET party_name = '" + party + "' WHERE id = '" + id + "'");
    }
    assertThat(auditLog.verify().valid()).isTrue();
  }

  @Test
  @DisplayName("ACC-03 绕过触发器修改调取授权（理由）：审计校验指出被改的授权；绕过应用插入的授权也被指出")
  void editedOrSmuggledGrantIsNamed() throws Exception {
    String recordingId = EvidenceFixtures.uploadId(rest, "officer1", EvidenceFixtures.justRecorded("ONSITE_INSPECTION"),
        EvidenceFixtures.wav(0.5));
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    AccessGrant grant = new AccessGrant(UUID.randomUUID().toString(), recordingId, "officer2", "INTERNAL", "复核",
        "pi-tamper", "head1", now, now.plus(7, ChronoUnit.DAYS));
    transaction.executeWithoutResult(status -> repository.insertGrant(grant));
    assertThat(auditLog.verify().valid()).isTrue();

    OwnerDatabase.aroundTriggers(List.of("recording_access_grant"),
        "UPDATE recording_access_grant SET grantee = 'aux1' WHERE id = '" + grant.id() + "'");
    try {
      AuditVerification result = auditLog.verify();
      assertThat(result.valid()).isFalse();
      assertThat(result.subject()).isEqualTo("recording_access_grant:" + grant.id());
      assertThat(result.problem()).contains("altered");
    } finally {
      OwnerDatabase.aroundTriggers(List.of("recording_access_grant"),
          "UPDATE recording_access_grant SET grantee = 'officer2' WHERE id = '" + grant.id() + "'");
    }
    assertThat(auditLog.verify().valid()).isTrue();

    // the application's role may INSERT: a grant written around the application has no audit entry
    String smuggled = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO recording_access_grant (id, recording_id, grantee, purpose, reason, process_instance_id, "
        + "approved_by, granted_at, expires_at) SELECT ?, recording_id, 'aux1', purpose, reason, process_instance_id, "
        + "approved_by, granted_at, expires_at FROM recording_access_grant WHERE id = ?", smuggled, grant.id());
    try {
      AuditVerification result = auditLog.verify();
      assertThat(result.valid()).isFalse();
      assertThat(result.subject()).isEqualTo("recording_access_grant:" + smuggled);
      assertThat(result.problem()).contains("not covered");
      assertThat(repository.activeGrant(recordingId, "aux1", Instant.now())).isEmpty();
    } finally {
      OwnerDatabase.aroundTriggers(List.of("recording_access_grant"),
          "DELETE FROM recording_access_grant WHERE id = '" + smuggled + "'");
    }
    assertThat(auditLog.verify().valid()).isTrue();
  }
}
