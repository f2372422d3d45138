package cn.gov.enforcement.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The task statements run as a semi-join ({@link TaskQuerySemiJoin}) answer exactly as the engine's
 * own SQL: same ids in the same order, same pages, same count — over generated tasks with several
 * candidate groups (ids that differ only by case, a group linked twice), candidate users, claimed
 * by the user and by others, suspended, of a tenant, due and marked deadlineSoon; for the query
 * shapes Tasklist's filters use, {@code GET /engine-rest/task?candidateGroup=…}, and shapes that
 * must fall back (the counter shows which ran as a semi-join). PostgreSQL only: the rewrite is not
 * registered on H2.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // the shared test context
@EnabledIfSystemProperty(named = "test.db.product", matches = "PostgreSQL")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskQuerySemiJoinTest {

  static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  static final String NAME = "semi " + SUFFIX + " ";
  static final String USER = "semi-user-" + SUFFIX;
  static final String A = "semi-a-" + SUFFIX;
  static final String A_UPPER = "SEMI-A-" + SUFFIX; // differs from A by case only
  static final String B = "semi-b-" + SUFFIX;
  static final List<String> GROUPS = List.of(A, A_UPPER, B);

  @Autowired ProcessEngine engine;
  @Autowired RedundantTaskAuthorizationSkip skip;
  @Autowired DataSource dataSource;
  @Autowired TestRestTemplate rest;

  private final List<String> created = new ArrayList<>();
  private boolean seeded;

  /** name → query, and whether it must run as a semi-join (true) or fall back to the engine's SQL. */
  static final Map<String, Supplier<TaskQuery>> QUERIES = new LinkedHashMap<>();
  static final Map<String, Boolean> SEMI = new LinkedHashMap<>();
  static TaskService tasks;

  static void query(String name, boolean semi, Supplier<TaskQuery> query) {
    QUERIES.put(name, query);
    SEMI.put(name, semi);
  }

  static TaskQuery mine() {
    return tasks.createTaskQuery().taskNameLike(NAME + "%");
  }

  static {
    query("candidateGroup A", true, () -> mine().taskCandidateGroup(A));
    query("candidateGroup A (upper case)", true, () -> mine().taskCandidateGroup(A_UPPER));
    query("candidateGroupIn A, A upper", true, () -> mine().taskCandidateGroupIn(List.of(A, A_UPPER)));
    query("本组待办 shape: unassigned + candidateGroupIn mine", true, () -> mine().taskUnassigned().taskCandidateGroupIn(GROUPS));
    query("candidateUser me", true, () -> mine().taskCandidateUser(USER));
    query("candidateGroup A, includeAssignedTasks", true, () -> mine().taskCandidateGroup(A).includeAssignedTasks());
    query("即将到期 shape: dueAfter + deadlineSoon + or(assignee me, candidateGroupIn mine)", true,
        () -> mine().dueAfter(new Date()).taskVariableValueEquals("deadlineSoon", true)
            .or().taskAssignee(USER).taskCandidateGroupIn(GROUPS).endOr());
    query("or(assignee me, candidateGroupIn mine)", true, () -> mine().or().taskAssignee(USER).taskCandidateGroupIn(GROUPS).endOr());
    query("candidateGroup B, withoutTenantId", true, () -> mine().taskCandidateGroup(B).withoutTenantId());
    query("candidateGroup A, tenantIdIn", true, () -> mine().taskCandidateGroup(A).tenantIdIn("semi-tenant"));
    query("candidateGroup A, suspended", true, () -> mine().taskCandidateGroup(A).suspended());
    query("candidateGroup A, active", true, () -> mine().taskCandidateGroup(A).active());
    // fall back: the engine's statement as it is
    query("assignee me (no candidate join)", false, () -> mine().taskAssignee(USER));
    query("involvedUser me", false, () -> mine().taskInvolvedUser(USER));
    query("withoutCandidateGroups", false, () -> mine().withoutCandidateGroups());
    query("candidateGroup A AND or(candidateGroup B, assignee me): one link row for both", false,
        () -> mine().taskCandidateGroup(A).includeAssignedTasks().or().taskCandidateGroup(B).taskAssignee(USER).endOr());
    query("candidateGroupLike (authorization join kept)", false, () -> mine().taskCandidateGroupLike("semi-%"));
  }

  void seed() {
    if (seeded) {
      return;
    }
    seeded = true;
    tasks = engine.getTaskService();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    for (int i = 0; i < 48; i++) {
      Task task = tasks.newTask();
      task.setName(NAME + i);
      if (i % 3 == 0) {
        task.setDueDate(Date.from(now.plus(1 + i % 2, ChronoUnit.DAYS)));
      }
      if (i % 7 == 0) {
        task.setTenantId("semi-tenant");
      }
      tasks.saveTask(task);
      String id = task.getId();
      created.add(id);
      switch (i % 6) {
        case 0 -> tasks.addCandidateGroup(id, A);
        case 1 -> tasks.addCandidateGroup(id, A_UPPER);
        case 2 -> {
          tasks.addCandidateGroup(id, A);
          tasks.addCandidateGroup(id, B);
        }
        case 3 -> tasks.addCandidateGroup(id, B);
        case 4 -> {
          tasks.addCandidateGroup(id, A);
          tasks.addCandidateGroup(id, A_UPPER);
          tasks.addCandidateGroup(id, "enforcement-officer");
        }
        default -> { } // no candidate group
      }
      if (i % 5 == 0) {
        tasks.addCandidateUser(id, USER);
      }
      if (i % 8 == 2) {
        tasks.addCandidateGroup(id, "enforcement-officer");
      }
      if (i % 4 == 0) {
        tasks.setAssignee(id, USER);
      } else if (i % 4 == 1) {
        tasks.setAssignee(id, "semi-other-" + SUFFIX);
      }
      if (i % 3 == 0 && i % 2 == 0) {
        tasks.setVariableLocal(id, "deadlineSoon", true);
      }
      // distinct creation times (the order is then defined), some tasks suspended
      jdbc.update("UPDATE ACT_RU_TASK SET CREATE_TIME_ = ?, SUSPENSION_STATE_ = ? WHERE ID_ = ?",
          Timestamp.from(now.minus(i * 7L % 48, ChronoUnit.MINUTES)), i % 9 == 0 ? 2 : 1, id);
    }
    // the same group linked twice to one task (the engine does not prevent it): one task, not two
    jdbc.update("INSERT INTO ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_) VALUES (?, 1, ?, 'candidate', ?)",
        "semi-dup-" + SUFFIX, A, created.get(0));
  }

  @AfterAll
  void clean() {
    skip.setSemiJoinEnabled(true);
    new JdbcTemplate(dataSource).update("DELETE FROM ACT_RU_IDENTITYLINK WHERE ID_ = ?", "semi-dup-" + SUFFIX);
    created.forEach(id -> engine.getTaskService().deleteTask(id, true));
  }

  Stream<Arguments> queryTable() {
    return QUERIES.keySet().stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queryTable")
  @DisplayName("AUX-01 issue #17 a task query run as a semi-join lists (in order), pages and counts exactly the tasks of the engine's SQL; other shapes fall back")
  void sameAnswerAsTheEnginesSql(String name) {
    seed();
    Supplier<TaskQuery> query = QUERIES.get(name);
    String engineAnswer = withoutSemiJoin(() -> answer(query));
    long before = skip.semiJoined();
    String answer = answer(query);
    assertThat(answer).isEqualTo(engineAnswer);
    assertThat(engineAnswer).doesNotStartWith("0 ");
    assertThat(skip.semiJoined() - before).as("statements run as a semi-join").isEqualTo(SEMI.get(name) ? 4 : 0);
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("filterTable")
  @DisplayName("AUX-01 PER-07 issue #17 the Tasklist filters 我的待办, 本组待办, 即将到期 answer the same as a semi-join as with the engine's SQL")
  void filtersAnswerAsTheEngine(String filter, String user) {
    seed();
    FilterService filters = engine.getFilterService();
    String id = filters.createFilterQuery().filterName(filter).singleResult().getId();
    IdentityService identity = engine.getIdentityService();
    Supplier<String> call = () -> {
      identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList());
      try {
        List<Task> page = filters.listPage(id, 0, 15);
        List<Task> all = filters.list(id);
        // the page's creation times in order, and the tasks as a set: among equal creation times
        // (other tests' tasks) neither statement defines an order
        return filters.count(id) + " " + page.stream().map(t -> t.getCreateTime().getTime()).toList() + " "
            + all.stream().map(Task::getId).sorted().toList();
      } finally {
        identity.clearAuthentication();
      }
    };
    String engineAnswer = withoutSemiJoin(call);
    long before = skip.semiJoined();
    assertThat(call.get()).isEqualTo(engineAnswer);
    if (!filter.equals("我的待办")) {
      assertThat(skip.semiJoined() - before).as("statements run as a semi-join").isEqualTo(3);
    }
  }

  Stream<Arguments> filterTable() {
    return Stream.of("我的待办", "本组待办", "即将到期")
        .flatMap(f -> Stream.of("officer1", "head1", "supervisor1").map(u -> Arguments.of(f, u)));
  }

  @Test
  @DisplayName("AUX-01 issue #17 GET /engine-rest/task?candidateGroup=… and its count answer the same as a semi-join as with the engine's SQL")
  void restCandidateGroup() {
    seed();
    String list = "/engine-rest/task?candidateGroup=enforcement-officer&nameLike=" + NAME.replace(" ", "%20") + "%25"
        + "&sortBy=created&sortOrder=desc";
    String page = list + "&firstResult=2&maxResults=3";
    String count = "/engine-rest/task/count?candidateGroup=enforcement-officer&nameLike=" + NAME.replace(" ", "%20") + "%25";
    Supplier<String> call = () -> get(list) + get(page) + get(count);
    String engineAnswer = withoutSemiJoin(call);
    long before = skip.semiJoined();
    assertThat(call.get()).isEqualTo(engineAnswer);
    assertThat(engineAnswer).contains(NAME);
    assertThat(skip.semiJoined() - before).as("statements run as a semi-join").isEqualTo(3);
  }

  private String get(String path) {
    ResponseEntity<String> response = rest.withBasicAuth("officer1", "demo")
        .getForEntity(java.net.URI.create(rest.getRootUri() + path), String.class);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response.getBody();
  }

  private <T> T withoutSemiJoin(Supplier<T> call) {
    skip.setSemiJoinEnabled(false);
    try {
      return call.get();
    } finally {
      skip.setSemiJoinEnabled(true);
    }
  }

  private String answer(Supplier<TaskQuery> query) {
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(USER, GROUPS, List.of("semi-tenant"));
    try {
      List<String> ordered = query.get().orderByTaskCreateTime().desc().list().stream().map(Task::getId).toList();
      List<String> first = query.get().orderByTaskCreateTime().desc().listPage(0, 5).stream().map(Task::getId).toList();
      List<String> second = query.get().orderByTaskCreateTime().desc().listPage(5, 5).stream().map(Task::getId).toList();
      return query.get().count() + " " + ordered + " " + first + " " + second;
    } finally {
      identity.clearAuthentication();
    }
  }
}
