package cn.gov.enforcement.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The task queries give the same tasks and counts with {@link RedundantTaskAuthorizationSkip} as
 * with the engine's own authorization join, for a table of queries and filters × users, over tasks
 * of other groups, claimed by others, with two candidate groups, standalone ones; and the join is
 * left out exactly where the table says (the skip counter moves). H2 in the default suite,
 * PostgreSQL in the PostgreSQL suite (the same test, {@code -Ppostgres}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // the shared test context
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedundantTaskAuthorizationSkipTest {

  static final String NOBODY = "nogroups-" + UUID.randomUUID().toString().substring(0, 8);
  static final Set<String> MANAGERS = Set.of("head1", "supervisor1");
  static final List<String> USERS = List.of("officer1", "officer2", "aux1", "head1", "supervisor1", "legal1", NOBODY);

  @Autowired ProcessEngine engine;
  @Autowired RedundantTaskAuthorizationSkip skip;

  private final List<String> standalone = new ArrayList<>();
  private final List<String> instances = new ArrayList<>();

  /** Who must see the join left out: "everyone", "grouped" (every user with groups), "managers", plus named users. */
  static final Map<String, String> EXPECTED = new LinkedHashMap<>();
  static final Map<String, BiFunction<TaskService, Me, TaskQuery>> QUERIES = new LinkedHashMap<>();

  record Me(String id, List<String> groups) {}

  static void query(String name, String skippedFor, BiFunction<TaskService, Me, TaskQuery> query) {
    EXPECTED.put(name, skippedFor);
    QUERIES.put(name, query);
  }

  static {
    query("candidateGroup section-head", "managers,head1", (t, me) -> t.createTaskQuery().taskCandidateGroup("section-head"));
    query("candidateGroupLike %", "managers", (t, me) -> t.createTaskQuery().taskCandidateGroupLike("%"));
    query("candidateGroupIn mine + candidateGroupLike %", "managers",
        (t, me) -> t.createTaskQuery().taskCandidateGroupIn(me.groups()).taskCandidateGroupLike("%"));
    query("candidateGroupIn mine, includeAssignedTasks", "grouped",
        (t, me) -> t.createTaskQuery().taskCandidateGroupIn(me.groups()).includeAssignedTasks());
    query("assignee officer2", "managers,officer2", (t, me) -> t.createTaskQuery().taskAssignee("officer2"));
    query("assignee me", "everyone", (t, me) -> t.createTaskQuery().taskAssignee(me.id()));
    query("candidateUser me", "everyone", (t, me) -> t.createTaskQuery().taskCandidateUser(me.id()));
    query("candidateUser me, includeAssignedTasks", "everyone",
        (t, me) -> t.createTaskQuery().taskCandidateUser(me.id()).includeAssignedTasks());
    query("candidateUser officer2", "managers,officer2", (t, me) -> t.createTaskQuery().taskCandidateUser("officer2"));
    query("all tasks", "managers", (t, me) -> t.createTaskQuery());
    query("or(assignee me, nameLike %)", "managers", (t, me) -> t.createTaskQuery().or().taskAssignee(me.id()).taskNameLike("%").endOr());
    query("or(assignee me, candidateGroup section-head)", "managers,head1",
        (t, me) -> t.createTaskQuery().or().taskAssignee(me.id()).taskCandidateGroup("section-head").endOr());
    query("or(assignee me, involvedUser officer2)", "managers", // involvedUser is not among the implying criteria
        (t, me) -> t.createTaskQuery().or().taskAssignee(me.id()).taskInvolvedUser("officer2").endOr());
    query("or(assignee me, candidateGroupIn mine) + withCandidateGroups", "grouped",
        (t, me) -> t.createTaskQuery().withCandidateGroups().or().taskAssignee(me.id()).taskCandidateGroupIn(me.groups()).endOr());
    query("or(assignee me, candidateGroupIn mine)", "grouped",
        (t, me) -> t.createTaskQuery().or().taskAssignee(me.id()).taskCandidateGroupIn(me.groups()).endOr());
    query("or(candidateGroupIn mine, candidateGroupLike %)", "managers",
        (t, me) -> t.createTaskQuery().or().taskCandidateGroupIn(me.groups()).taskCandidateGroupLike("%").endOr());
    query("or(assignee me, processVariable)", "managers",
        (t, me) -> t.createTaskQuery().or().taskAssignee(me.id()).processVariableValueEquals("partyType", "LEGAL_PERSON").endOr());
    query("or(candidateUser officer2)", "managers,officer2", (t, me) -> t.createTaskQuery().or().taskCandidateUser("officer2").endOr());
    query("assignee me AND or(nameLike %)", "everyone", (t, me) -> t.createTaskQuery().taskAssignee(me.id()).or().taskNameLike("%").endOr());
    query("candidateGroupIn mine AND dueAfter", "grouped",
        (t, me) -> t.createTaskQuery().taskCandidateGroupIn(me.groups()).dueAfter(new Date(0)));
  }

  /** The stored Tasklist filters (identity.TasklistFilters), run as Tasklist runs them. */
  static final Map<String, String> FILTERS = Map.of("我的待办", "everyone", "本组待办", "grouped", "即将到期", "grouped",
      "已逾期", "grouped", "本单位待办", "managers", "本单位即将到期", "managers", "本单位已逾期", "managers");

  private boolean seeded;

  /** Seeded in the first test, not before all: the process-coverage listener records only inside a test. */
  void seed() {
    if (seeded) {
      return;
    }
    seeded = true;
    TaskService tasks = engine.getTaskService();
    Instant now = Instant.now();
    task("section-head only", null, now.plus(2, ChronoUnit.DAYS), true, "section-head");
    task("legal, claimed by legal1", "legal1", null, false, "legal-affairs");
    task("officer + aux", null, now.plus(1, ChronoUnit.DAYS), true, "enforcement-officer", "auxiliary-staff");
    task("officer, claimed by officer1", "officer1", now.plus(2, ChronoUnit.DAYS), true, "enforcement-officer");
    task("officer, claimed by officer2", "officer2", now.minus(2, ChronoUnit.DAYS), false, "enforcement-officer");
    task("officer, overdue", null, now.minus(1, ChronoUnit.DAYS), false, "enforcement-officer");
    task("no candidates, officer2's", "officer2", now.plus(1, ChronoUnit.DAYS), true);
    task("no candidates, nobody's", null, now.plus(1, ChronoUnit.DAYS), true);
    task("supervisor", null, null, false, "supervisor");
    String withUser = task("candidate user officer2", null, null, false);
    tasks.addCandidateUser(withUser, "officer2");
    String withMe = task("candidate user officer1 + section-head", null, now.plus(1, ChronoUnit.DAYS), true, "section-head");
    tasks.addCandidateUser(withMe, "officer1");
    // process tasks: 立案审查 (candidate group enforcement-officer), one claimed by officer2
    for (int i = 0; i < 2; i++) {
      ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("enforcement-case", "diff-" + UUID.randomUUID(),
          Map.of("source", "INSPECTION", "partyName", "某某建材有限公司", "partyType", "LEGAL_PERSON",
              "partyAddress", "云和县某路 1 号", "cause", "未经许可擅自施工", "clueDescription", "巡查发现工地未办理施工许可"));
      instances.add(instance.getId());
      if (i == 1) {
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        tasks.claim(task.getId(), "officer2");
      }
    }
  }

  private String task(String name, String assignee, Instant due, boolean soon, String... groups) {
    TaskService tasks = engine.getTaskService();
    Task task = tasks.newTask();
    task.setName("diff " + name);
    task.setDueDate(due == null ? null : Date.from(due));
    tasks.saveTask(task);
    for (String group : groups) {
      tasks.addCandidateGroup(task.getId(), group);
    }
    if (assignee != null) {
      tasks.setAssignee(task.getId(), assignee);
    }
    if (soon) {
      tasks.setVariableLocal(task.getId(), "deadlineSoon", true);
    }
    standalone.add(task.getId());
    return task.getId();
  }

  @AfterAll
  void clean() {
    skip.setEnabled(true);
    instances.forEach(id -> engine.getRuntimeService().deleteProcessInstance(id, "test"));
    standalone.forEach(id -> engine.getTaskService().deleteTask(id, true));
  }

  Stream<Arguments> queryTable() {
    return QUERIES.keySet().stream().flatMap(name -> USERS.stream().map(user -> Arguments.of(name, user)));
  }

  Stream<Arguments> filterTable() {
    return FILTERS.keySet().stream().sorted().flatMap(name -> USERS.stream().map(user -> Arguments.of(name, user)));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("queryTable")
  @DisplayName("AUX-01 issue #17 a task query lists and counts the same tasks with the authorization join left out as with the engine's check, and leaves it out only where it is redundant")
  void queriesAnswerAsTheEngine(String name, String user) {
    compare(EXPECTED.get(name), user, () -> QUERIES.get(name).apply(engine.getTaskService(), me(user)));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("filterTable")
  @DisplayName("AUX-01 PER-07 issue #17 the Tasklist filters (expressions resolved by the engine) answer the same with the join left out, and leave it out for the own queues and the managers")
  void filtersAnswerAsTheEngine(String name, String user) {
    FilterService filters = engine.getFilterService();
    String id = filters.createFilterQuery().filterName(name).singleResult().getId();
    compare(FILTERS.get(name), user, new Call() {
      @Override public List<Task> list() { return filters.list(id); }
      @Override public long count() { return filters.count(id); }
    });
  }

  @org.junit.jupiter.api.Test
  @DisplayName("AUX-01 issue #17 an OR query with a candidate modifier but no implying candidate counts as widening (fail closed, whatever set the field)")
  void candidateModifierAloneWidens() throws Exception {
    org.camunda.bpm.engine.impl.TaskQueryImpl query = new org.camunda.bpm.engine.impl.TaskQueryImpl();
    org.camunda.bpm.engine.impl.TaskQueryImpl or = (org.camunda.bpm.engine.impl.TaskQueryImpl) query.or().taskAssignee("officer1");
    assertThat(RedundantTaskAuthorizationSkip.onlyImplyingCriteria(or, "officer1", List.of("enforcement-officer"))).isTrue();
    java.lang.reflect.Field with = org.camunda.bpm.engine.impl.TaskQueryImpl.class.getDeclaredField("withCandidateGroups");
    with.setAccessible(true);
    with.set(or, Boolean.TRUE);
    assertThat(RedundantTaskAuthorizationSkip.onlyImplyingCriteria(or, "officer1", List.of("enforcement-officer"))).isFalse();
    or.taskCandidateGroupIn(List.of("enforcement-officer"));
    assertThat(RedundantTaskAuthorizationSkip.onlyImplyingCriteria(or, "officer1", List.of("enforcement-officer"))).isTrue();
    or.taskNameLike("%");
    assertThat(RedundantTaskAuthorizationSkip.onlyImplyingCriteria(or, "officer1", List.of("enforcement-officer"))).isFalse();
  }

  interface Call {
    List<Task> list();
    long count();
  }

  private void compare(String skippedFor, String user, java.util.function.Supplier<TaskQuery> query) {
    compare(skippedFor, user, new Call() {
      @Override public List<Task> list() { return query.get().list(); }
      @Override public long count() { return query.get().count(); }
    });
  }

  private void compare(String skippedFor, String user, Call call) {
    seed();
    Me me = me(user);
    String engineAnswer;
    String answer;
    long before;
    try {
      skip.setEnabled(false);
      engineAnswer = as(me, call);
    } finally {
      skip.setEnabled(true);
    }
    before = skip.skipped();
    answer = as(me, call);
    long skippedNow = skip.skipped() - before;
    assertThat(answer).as("tasks and count, join left out vs engine's check").isEqualTo(engineAnswer);
    if (answer.startsWith("refused")) {
      // e.g. no READ on the filter, an empty group list: no task statement ran
      assertThat(skippedNow).isZero();
      return;
    }
    boolean expected = skippedFor.equals("everyone") || (skippedFor.equals("grouped") && !me.groups().isEmpty())
        || (skippedFor.contains("managers") && MANAGERS.contains(user)) || List.of(skippedFor.split(",")).contains(user);
    if (expected) {
      assertThat(skippedNow).as("join left out for list and count: %s", answer).isEqualTo(2);
    } else {
      assertThat(skippedNow).as("engine's check kept: %s", answer).isZero();
    }
  }

  private String as(Me me, Call call) {
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(me.id(), me.groups());
    try {
      List<String> ids = call.list().stream().map(Task::getId).sorted().toList();
      long count = call.count();
      return count + " " + ids;
    } catch (RuntimeException refused) {
      return "refused " + refused.getClass().getName() + ": " + refused.getMessage();
    } finally {
      identity.clearAuthentication();
    }
  }

  private Me me(String user) {
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    return new Me(user, groups);
  }
}
