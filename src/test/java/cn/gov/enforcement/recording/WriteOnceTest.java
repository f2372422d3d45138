package cn.gov.enforcement.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ACC-01, AUX-03: originals are write-once — no API operation changes or deletes one, the database
 * refuses UPDATE and DELETE (on PostgreSQL by a PL/pgSQL trigger, on H2 by the equivalent Java
 * trigger; the suite runs on both), and the stored file is read-only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WriteOnceTest {

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired JdbcTemplate jdbc;
  @Autowired RecordingStorage storage;

  private String id;

  @BeforeEach
  void upload() {
    id = EvidenceFixtures.uploadId(rest, "officer1", EvidenceFixtures.justRecorded("ONSITE_INSPECTION"), EvidenceFixtures.wav(1));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"officer1", "aux1", "head1", "director1", "admin"})
  @DisplayName("ACC-01 AUX-03 任何人（含辅助人员 aux1）对原始记录的 PUT/PATCH/DELETE 均为 405，记录不变")
  @SuppressWarnings("rawtypes")
  void noOneChangesAnOriginal(String user) {
    String password = "admin".equals(user) ? System.getProperty("ADMIN_PASSWORD", "demo") : "demo";
    String before = jdbc.queryForObject("SELECT sha256 FROM recording WHERE id = ?", String.class, id);
    for (HttpMethod method : new HttpMethod[] {HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE}) {
      for (String path : new String[] {"/api/recordings/" + id, "/api/recordings/" + id + "/content", "/api/recordings"}) {
        ResponseEntity<Map> response = rest.withBasicAuth(user, password).exchange(path, method,
            new HttpEntity<>(Map.of("sha256", "0".repeat(64))), Map.class);
        assertThat(response.getStatusCode()).as(method + " " + path).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(response.getBody()).containsEntry("error", "METHOD_NOT_ALLOWED");
        assertThat((String) response.getBody().get("message")).contains("只写一次").contains("write-once");
      }
    }
    assertThat(jdbc.queryForObject("SELECT sha256 FROM recording WHERE id = ?", String.class, id)).isEqualTo(before);
    assertThat(Files.exists(storage.resolve(jdbc.queryForObject("SELECT storage_path FROM recording WHERE id = ?",
        String.class, id)))).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"UPDATE recording SET sha256 = '0000000000000000000000000000000000000000000000000000000000000000' WHERE id = ?",
      "DELETE FROM recording WHERE id = ?"})
  @DisplayName("ACC-01 数据库拒绝对 recording 表的 UPDATE 与 DELETE（PostgreSQL 触发器 / H2 等效触发器）")
  void databaseRefusesChangesToRecordings(String statement) {
    assertThatThrownBy(() -> jdbc.update(statement, id))
        .isInstanceOf(DataAccessException.class).satisfies(EvidenceFixtures::refusedByTheDatabase);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recording WHERE id = ?", Integer.class, id)).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"UPDATE recording_classification SET retention_class = 'SIX_MONTHS' WHERE recording_id = ?",
      "DELETE FROM recording_classification WHERE recording_id = ?",
      "UPDATE audit_log SET actor = 'someone' WHERE target = ?",
      "DELETE FROM audit_log WHERE target = ?",
      "DELETE FROM recording_event WHERE recording_id = ?"})
  @DisplayName("ACC-07 RET-05 数据库拒绝修改或删除保存类别、事件与审计日志（只追加）")
  void databaseRefusesChangesToClassificationsEventsAndAudit(String statement) {
    // an event row, so that the DELETE of events has something to refuse (inserting is allowed)
    jdbc.update("INSERT INTO recording_event (recording_id, kind, occurred_at, actor) VALUES (?, 'TEST', CURRENT_TIMESTAMP, 'test')", id);
    assertThatThrownBy(() -> jdbc.update(statement, id))
        .isInstanceOf(DataAccessException.class).satisfies(EvidenceFixtures::refusedByTheDatabase);
  }

  @Test
  @EnabledIfSystemProperty(named = "test.db.product", matches = "PostgreSQL")
  @DisplayName("ACC-07 PostgreSQL 拒绝 TRUNCATE 审计日志（只追加）")
  void postgresRefusesTruncatingTheAuditLog() {
    assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_log CASCADE"))
        .isInstanceOf(DataAccessException.class).satisfies(EvidenceFixtures::refusedByTheDatabase);
  }

  @Test
  @DisplayName("ACC-01 存储的原始文件为只读（无任何写权限）")
  void storedFileIsReadOnly() throws Exception {
    var file = storage.resolve(jdbc.queryForObject("SELECT storage_path FROM recording WHERE id = ?", String.class, id));
    assertThat(Files.getPosixFilePermissions(file)).doesNotContain(PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
  }
}
