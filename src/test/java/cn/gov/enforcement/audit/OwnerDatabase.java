package cn.gov.enforcement.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * What an attacker with the tables' owner (or a superuser) could do, for the tamper tests: run a
 * statement around the append-only triggers. On PostgreSQL as the owner role ({@code DB_OWNER_USER},
 * else the suite's own user) with {@code ALTER TABLE … DISABLE TRIGGER USER} in one transaction; on
 * H2 by dropping and re-creating the Java triggers. The application's own role cannot do either
 * ({@code DatabaseRolesTest}).
 */
public final class OwnerDatabase {

  public static final boolean POSTGRES = "PostgreSQL".equals(System.getProperty("test.db.product"));

  private static final Map<String, List<String[]>> H2_TRIGGERS = Map.of(
      "audit_log", List.<String[]>of(new String[] {"audit_log_append_only", "AppendOnlyTrigger"}),
      "audit_head", List.<String[]>of(new String[] {"audit_head_forward_only", "ForwardOnlyHeadTrigger"}),
      "recording", List.<String[]>of(new String[] {"recording_append_only", "AppendOnlyTrigger"}),
      "recording_access_grant", List.<String[]>of(new String[] {"recording_access_grant_append_only", "AppendOnlyTrigger"}));

  private OwnerDatabase() {}

  public static String ownerUser() {
    String owner = System.getenv("DB_OWNER_USER");
    return owner == null || owner.isBlank() ? System.getProperty("spring.datasource.username") : owner;
  }

  public static Connection connect() throws SQLException {
    String owner = System.getenv("DB_OWNER_USER");
    boolean separate = owner != null && !owner.isBlank();
    String password = separate ? System.getenv("DB_OWNER_PASSWORD") : System.getProperty("spring.datasource.password");
    return DriverManager.getConnection(System.getProperty("spring.datasource.url"), ownerUser(),
        password == null ? "" : password);
  }

  /** Runs the statements with the triggers of {@code tables} out of the way, then puts them back. */
  public static void aroundTriggers(List<String> tables, String... statements) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      try {
        for (String table : tables) {
          if (POSTGRES) {
            statement.execute("ALTER TABLE " + table + " DISABLE TRIGGER USER");
          } else {
            for (String[] trigger : H2_TRIGGERS.get(table)) {
              statement.execute("DROP TRIGGER " + trigger[0]);
            }
          }
        }
        for (String sql : statements) {
          statement.execute(sql);
        }
      } finally {
        for (String table : tables) {
          if (POSTGRES) {
            statement.execute("ALTER TABLE " + table + " ENABLE TRIGGER USER");
          } else {
            for (String[] trigger : H2_TRIGGERS.get(table)) {
              statement.execute("CREATE TRIGGER " + trigger[0] + " BEFORE UPDATE, DELETE ON " + table
                  + " FOR EACH ROW CALL 'cn.gov.enforcement.audit." + trigger[1] + "'");
            }
          }
        }
        connection.commit();
      }
    }
  }
}
