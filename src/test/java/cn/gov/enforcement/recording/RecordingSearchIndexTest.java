package cn.gov.enforcement.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * REC-09: the searches of {@link RecordingSearch} can use the indexes of V20261201_41. The plan is
 * asked of the database in use (H2 or, in the -Ppostgres run, PostgreSQL with sequential scans
 * switched off for the session, so a usable index must show up however few rows the test has).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordingSearchIndexTest {

  static final boolean POSTGRES = "PostgreSQL".equals(System.getProperty("test.db.product"));

  @Autowired JdbcTemplate jdbc;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "device + day|recording_device_started_idx",
      "unit + month|recording_unit_started_idx",
      "case|recording_case",
      "officer|recording_officer",
      "year only|recording_started_idx"})
  @DisplayName("REC-09 查找所用的索引（H2 与 PostgreSQL 的执行计划）")
  void searchesUseTheirIndex(String shape, String index) {
    RecordingSearch search = switch (shape) {
      case "device + day" -> RecordingSearch.of(null, null, "DSJ-0042", null, null, null, 2026, 11, 20);
      case "unit + month" -> RecordingSearch.of(null, "城东中队", null, null, null, null, 2026, 11, null);
      // the case number alone: with a year too, either index may serve, as the table's statistics decide
      case "case" -> RecordingSearch.of("云建立〔2026〕1号", null, null, null, null, null, null, null, null);
      case "officer" -> RecordingSearch.of(null, null, null, "officer1", null, null, null, null, null);
      default -> RecordingSearch.of(null, null, null, null, null, null, 2026, null, null);
    };
    Map.Entry<String, List<Object>> where = search.where().entrySet().iterator().next();
    // the filter alone: which index serves the criteria (the ORDER BY … LIMIT of the real query could
    // make a planner walk the started_at index instead, which says nothing about the filter's index)
    String sql = "EXPLAIN SELECT r.* FROM recording r WHERE " + where.getKey();
    String plan = jdbc.execute((ConnectionCallback<String>) connection -> {
      if (POSTGRES) {
        try (Statement s = connection.createStatement()) {
          s.execute("SET enable_seqscan = off");
        }
      }
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        for (int i = 0; i < where.getValue().size(); i++) {
          statement.setObject(i + 1, where.getValue().get(i));
        }
        StringBuilder text = new StringBuilder();
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            text.append(rs.getString(1)).append('\n');
          }
        }
        return text.toString();
      } finally {
        if (POSTGRES) {
          try (Statement s = connection.createStatement()) {
            s.execute("RESET enable_seqscan");
          }
        }
      }
    });
    System.out.println("REC-09 plan (" + (POSTGRES ? "PostgreSQL" : "H2") + ", " + shape + "):\n" + plan);
    assertThat(plan.toLowerCase()).as(plan).contains(index);
  }
}
