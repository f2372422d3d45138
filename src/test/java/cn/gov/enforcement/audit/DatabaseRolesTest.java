package cn.gov.enforcement.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ACC-01 ACC-07 (issue 11 item 6): on PostgreSQL the application connects as a role that owns
 * nothing and is not a superuser, so it can neither switch the append-only triggers off nor change
 * or remove a write-once row. Runs in the -Ppostgres suite with two roles ({@code .ci/run} creates
 * them: DB_OWNER_USER for migrations, DB_USER for the application).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseRolesTest {

  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void onlyWithTwoRolesOnPostgres() {
    assumeTrue(OwnerDatabase.POSTGRES, "H2 (the zero-setup default) has a single user; the two database roles are "
        + "proven on PostgreSQL (./mvnw verify -Ppostgres with DB_OWNER_USER, as .ci/run does)");
    String app = System.getProperty("spring.datasource.username");
    assumeTrue(!OwnerDatabase.ownerUser().equals(app), "this PostgreSQL run connects as the owner itself "
        + "(DB_OWNER_USER not set): set DB_OWNER_USER/DB_USER to two roles, as .ci/run does");
  }

  @Test
  @DisplayName("ACC-01 应用数据库角色不是超级用户，也不拥有任何表")
  void applicationRoleOwnsNothing() {
    assertThat(jdbc.queryForObject("SELECT rolsuper FROM pg_roles WHERE rolname = current_user", Boolean.class)).isFalse();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        + "WHERE c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) AND n.nspname = current_schema()",
        Integer.class)).isZero();
    assertThatThrownBy(() -> jdbc.execute("CREATE TABLE intruder (id INT)"))
        .isInstanceOf(DataAccessException.class).hasStackTraceContaining("permission denied");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
      "ALTER TABLE recording DISABLE TRIGGER USER", "ALTER TABLE recording_access_grant DISABLE TRIGGER ALL",
      "ALTER TABLE audit_head DISABLE TRIGGER audit_head_forward_only", "DROP TRIGGER recording_append_only ON recording"})
  @DisplayName("ACC-01 应用数据库角色不能停用或删除只追加触发器")
  void applicationRoleCannotDisableTriggers(String statement) {
    assertThatThrownBy(() -> jdbc.execute(statement))
        .isInstanceOf(DataAccessException.class).hasStackTraceContaining("must be owner");
  }

  @Test
  @DisplayName("ACC-01 应用数据库角色不能设置 session_replication_role（绕过触发器）")
  void applicationRoleCannotSkipTriggers() {
    assertThatThrownBy(() -> jdbc.execute("SET session_replication_role = replica"))
        .isInstanceOf(DataAccessException.class).hasStackTraceContaining("permission denied");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"UPDATE recording SET party_name = 'x'", "DELETE FROM recording",
      "UPDATE recording_access_grant SET expires_at = CURRENT_TIMESTAMP", "DELETE FROM recording_access_grant",
      "UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log CASCADE",
      "UPDATE recording_classification SET retention_class = 'SIX_MONTHS'", "DELETE FROM recording_event",
      "DELETE FROM audit_head", "INSERT INTO audit_head (id, seq, hash, chain_id, legacy_sealed) VALUES (2, 0, 'x', 'x', TRUE)"})
  @DisplayName("ACC-01 ACC-07 应用数据库角色不能修改或删除音像记录、授权与审计记录（无权限）")
  void applicationRoleCannotChangeWriteOnceRows(String statement) {
    assertThatThrownBy(() -> jdbc.execute(statement))
        .isInstanceOf(DataAccessException.class).hasStackTraceContaining("permission denied");
  }
}
