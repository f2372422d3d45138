package cn.gov.enforcement.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The candidate groups and the deadline marks ({@link TaskDeadlineMarks}) of the active tasks with a
 * due date, read from the engine's tables in one statement each, for the deadline board.
 *
 * <p><b>Why not the engine's API.</b> The engine gives a task's candidate groups only per task, and a
 * task query returns whole task entities. The board needs both facts for every dated task the caller
 * may read, so it ran one task query per group and one per mark, each loading thousands of entities:
 * at 20,000 dated tasks these were a third of the board's 1.4 s (docs/benchmarks.md, "The deadline
 * board's list"). Here each is a join on the task's id over the engine's own indexes, returning two
 * short strings per row.
 *
 * <p><b>No authorization here.</b> These statements read every dated task's links, whoever asks.
 * Callers use them only for tasks that an engine task query, under the caller's authentication,
 * has already returned: tasks the caller may read, whose candidate groups the engine's REST shows
 * the caller too ({@code GET /task/{id}/identity-links}). The two reads are separate statements: a
 * task created between them has no links yet and shows without a unit until the next read.
 */
@Component
public class DatedTaskLinks {

  /** The engine's {@code TaskQuery.active().dueAfter(new Date(0))}: not suspended, with a due date. */
  private static final String DATED_ACTIVE_TASK = "T.DUE_DATE_ IS NOT NULL AND T.SUSPENSION_STATE_ = 1";

  private final JdbcClient jdbc;
  private final String candidateGroupsSql;
  private final String marksSql;

  public DatedTaskLinks(JdbcClient jdbc, ProcessEngine engine) {
    this.jdbc = jdbc;
    // the engine's tables under the engine's own prefix (camunda.bpm.database.table-prefix), as its mappings use them
    String prefix = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseTablePrefix();
    String p = prefix == null ? "" : prefix;
    this.candidateGroupsSql = "SELECT I.TASK_ID_, I.GROUP_ID_ FROM " + p + "ACT_RU_IDENTITYLINK I JOIN " + p + "ACT_RU_TASK T ON T.ID_ = I.TASK_ID_"
        + " WHERE I.TYPE_ = 'candidate' AND I.GROUP_ID_ IS NOT NULL AND " + DATED_ACTIVE_TASK + " ORDER BY I.GROUP_ID_";
    this.marksSql = "SELECT V.NAME_, V.TASK_ID_ FROM " + p + "ACT_RU_VARIABLE V JOIN " + p + "ACT_RU_TASK T ON T.ID_ = V.TASK_ID_"
        + " WHERE V.NAME_ IN (:names) AND V.TYPE_ = 'boolean' AND V.LONG_ = 1 AND " + DATED_ACTIVE_TASK;
  }

  /** The candidate groups of each dated task (claimed tasks keep theirs), each task's in group-id order. */
  public Map<String, List<String>> candidateGroups() {
    Map<String, List<String>> groups = new HashMap<>();
    jdbc.sql(candidateGroupsSql)
        .query(row -> {
          groups.computeIfAbsent(row.getString(1), id -> new ArrayList<>()).add(row.getString(2));
        });
    return groups;
  }

  /**
   * The dated tasks that carry the task-local mark {@code name = true}. The engine stores a boolean
   * as {@code TYPE_ = 'boolean'}, {@code LONG_} 1 or 0, which is what its
   * {@code taskVariableValueEquals(name, true)} compares.
   */
  public Map<String, Set<String>> marks() {
    Map<String, Set<String>> marked = new HashMap<>();
    for (String name : List.of(TaskDeadlineMarks.SOON, TaskDeadlineMarks.OVERDUE, TaskDeadlineMarks.PROVISIONAL)) {
      marked.put(name, new HashSet<>());
    }
    jdbc.sql(marksSql)
        .param("names", marked.keySet())
        .query(row -> {
          marked.get(row.getString(1)).add(row.getString(2));
        });
    return marked;
  }
}
