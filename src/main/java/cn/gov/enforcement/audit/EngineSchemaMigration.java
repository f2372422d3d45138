package cn.gov.enforcement.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Creates the engine's tables with the engine's own SQL scripts (from the camunda-engine jar), run by
 * Flyway as the owner role, so that the application's role owns nothing (issue 11 item 6): the engine
 * itself runs with {@code camunda.bpm.database.schema-update=false} and only checks the schema.
 * On a database where the engine already created its tables (installations before this version) it
 * does nothing. Engine upgrades: add a Flyway migration running the engine's upgrade scripts
 * ({@code org/camunda/bpm/engine/db/upgrade/<db>_engine_<from>_to_<to>.sql}) — docs/operations.md.
 */
public abstract class EngineSchemaMigration extends BaseJavaMigration {

  /** In the order the engine creates them itself ({@code DbSqlSession.dbSchemaCreate}). */
  private static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine",
      "case.history", "decision.engine", "decision.history");

  private final String database;

  protected EngineSchemaMigration(String database) {
    this.database = database;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    if (engineTablesPresent(connection)) {
      return;
    }
    for (String component : COMPONENTS) {
      ScriptUtils.executeSqlScript(connection, new ClassPathResource(
          "org/camunda/bpm/engine/db/create/activiti." + database + ".create." + component + ".sql"));
    }
  }

  private static boolean engineTablesPresent(Connection connection) throws SQLException {
    for (String name : List.of("ACT_GE_PROPERTY", "act_ge_property")) {
      try (ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
