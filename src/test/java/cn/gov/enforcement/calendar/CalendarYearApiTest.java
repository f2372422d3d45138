package cn.gov.enforcement.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.audit.AuditEntry;
import cn.gov.enforcement.audit.AuditLog;
import cn.gov.enforcement.deadlines.DeadlineEscalationModel;
import cn.gov.enforcement.disclosure.DisclosureModel;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PER-05 over HTTP: GET/PUT /api/calendar/years, the checks of an entered notice, and the switch
 * from the provisional 2027 to an entered notice (a timer moves, the task's due date moves, the
 * mark goes, each change audited). The test notice is invented (the real one is not in any library
 * this project can use); the table is put back to "2027 provisional" after each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarYearApiTest {

  static final String NOTICE = "国办发明电〔2026〕99号（测试）";
  /** A complete, plausible 2027 notice: every fixed day, blocks with bridging days, make-up weekends. */
  static final List<String> HOLIDAYS = List.of("2027-01-01", "2027-01-02", "2027-01-03",
      "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11",
      "2027-04-03", "2027-04-04", "2027-04-05", "2027-05-01", "2027-05-02", "2027-05-03", "2027-05-04", "2027-05-05",
      "2027-06-09", "2027-09-15", "2027-10-01", "2027-10-02", "2027-10-03", "2027-10-04", "2027-10-05", "2027-10-06",
      "2027-10-07");
  static final List<String> MAKE_UP = List.of("2027-01-31", "2027-04-25", "2027-05-08", "2027-09-26", "2027-10-09");

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired AuditLog auditLog;
  @Autowired DatabaseNotices notices;
  @Autowired JdbcClient jdbc;

  private String deploymentId;
  private final List<String> instances = new ArrayList<>();

  @BeforeAll
  void deploy() {
    deploymentId = repositoryService.createDeployment().name("calendar-test")
        .addClasspathResource("calendar-test/provisional-deadlines.bpmn").deploy().getId();
  }

  @AfterAll
  void undeploy() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  @BeforeEach
  @AfterEach
  void provisional2027() {
    notices.delete(2027);
    instances.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "test", true, true, true, true));
    instances.clear();
  }

  // ------------------------------------------------------------------ the switch

  @Test
  @DisplayName("PER-05 entering the 2027 notice moves the provisional timer and task due date, removes dueProvisional, audits old → new")
  void noticeMovesProvisionalDeadlines() {
    String instance = runtimeService.startProcessInstanceByKey("calendar-provisional-test",
        Map.of("noticeDay", "2027-09-20", "days", 11)).getId();
    instances.add(instance);
    Job timer = managementService.createJobQuery().processInstanceId(instance).timers().singleResult();
    Task respond = task(instance, "Task_Respond");
    Task bureau = task(instance, "Task_Bureau");
    // provisional, the party's bound: 10/1 is 国庆; 4–8 Oct may be bridged, 9–10 Oct may stay rest → Mon 11 Oct
    assertThat(timer.getDuedate()).isEqualTo(end("2027-10-11"));
    assertThat(respond.getDueDate()).isEqualTo(end("2027-10-11"));
    assertThat(taskService.getVariableLocal(respond.getId(), "dueProvisional")).isEqualTo(true);
    assertThat(bureau.getDueDate()).isEqualTo(end("2027-09-23"));
    assertThat(taskService.getVariableLocal(bureau.getId(), "dueProvisional")).isEqualTo(true);
    assertThat(respond.getName()).endsWith("（期限暂定）");

    ResponseEntity<Map> response = put("admin", 2027, notice(body -> body));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).containsEntry("source", "NOTICE").containsEntry("notice", NOTICE);
    // the notice: 1–7 Oct holidays, Fri 8 Oct a working day
    assertThat(managementService.createJobQuery().jobId(timer.getId()).singleResult().getDuedate()).isEqualTo(end("2027-10-08"));
    assertThat(taskService.createTaskQuery().taskId(respond.getId()).singleResult().getDueDate()).isEqualTo(end("2027-10-08"));
    assertThat(taskService.getVariableLocal(respond.getId(), "dueProvisional")).isNull();
    assertThat(taskService.createTaskQuery().taskId(respond.getId()).singleResult().getName()).doesNotContain("暂定");
    // the bureau's task keeps its date (23 Sep is an ordinary Thursday), and loses its mark
    assertThat(taskService.createTaskQuery().taskId(bureau.getId()).singleResult().getDueDate()).isEqualTo(end("2027-09-23"));
    assertThat(taskService.getVariableLocal(bureau.getId(), "dueProvisional")).isNull();
    assertThat(moved(response)).contains(timer.getId(), respond.getId()).doesNotContain(bureau.getId());

    assertThat(audit("job:" + timer.getId())).singleElement().satisfies(entry -> {
      assertThat(entry.action()).isEqualTo("DEADLINE_RECOMPUTED");
      assertThat(entry.actor()).isEqualTo("admin");
      assertThat(entry.detail()).contains("2027-10-12T00:00:00+08:00 → 2027-10-09T00:00:00+08:00").contains(NOTICE);
    });
    assertThat(audit("task:" + respond.getId())).singleElement()
        .satisfies(entry -> assertThat(entry.detail()).contains("2027-10-12T00:00:00+08:00 → 2027-10-09T00:00:00+08:00"));
    assertThat(audit("calendar:2027")).last().satisfies(entry -> {
      assertThat(entry.action()).isEqualTo("CALENDAR_NOTICE");
      assertThat(entry.detail()).contains(NOTICE).contains("PROVISIONAL");
    });
  }

  @Test
  @DisplayName("PER-05 a due date the calling process hands to the called one (call activity input) is computed again: the variable and the called task move, each audited")
  void calledProcedureDueMoves() {
    String calling = runtimeService.startProcessInstanceByKey("calendar-calling-test",
        Map.of("noticeDay", "2027-09-20", "days", 11)).getId();
    instances.add(calling);
    String called = runtimeService.createProcessInstanceQuery().superProcessInstanceId(calling).singleResult().getId();
    Task serve = task(called, "Task_Serve");
    assertThat(runtimeService.getVariable(called, "childDue")).isEqualTo(end("2027-10-11"));
    assertThat(serve.getDueDate()).isEqualTo(end("2027-10-11"));
    assertThat(taskService.getVariableLocal(serve.getId(), "dueProvisional")).isEqualTo(true);

    ResponseEntity<Map> response = put("admin", 2027, notice(body -> body));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(runtimeService.getVariable(called, "childDue")).isEqualTo(end("2027-10-08"));
    assertThat(runtimeService.getVariable(called, "documentTitle")).isEqualTo("通知书");
    Task moved = taskService.createTaskQuery().taskId(serve.getId()).singleResult();
    assertThat(moved.getDueDate()).isEqualTo(end("2027-10-08"));
    assertThat(moved.getName()).isEqualTo("按期送达");
    assertThat(taskService.getVariableLocal(serve.getId(), "dueProvisional")).isNull();
    assertThat(moved(response)).contains(called + ":childDue", serve.getId());
    assertThat(audit("variable:" + called + ":childDue")).singleElement()
        .satisfies(entry -> assertThat(entry.detail()).contains("childDue")
            .contains("2027-10-12T00:00:00+08:00 → 2027-10-09T00:00:00+08:00"));
    assertThat(audit("task:" + serve.getId())).hasSize(1);
  }

  @Test
  @DisplayName("PER-05 PER-07 an open 期限预警 about a task whose due date moved shows the new date (its own due date and its form's text)")
  void openWarningFollowsTheMove() {
    String calling = runtimeService.startProcessInstanceByKey("calendar-calling-test",
        Map.of("noticeDay", "2027-09-20", "days", 11)).getId();
    instances.add(calling);
    String called = runtimeService.createProcessInstanceQuery().superProcessInstanceId(calling).singleResult().getId();
    Task serve = task(called, "Task_Serve");
    // the warning as the sweep issues it from Wed 6 Oct, 3 working days before the provisional Mon 11 Oct
    // (started here with the sweep's variables: a sweep at that date would also warn about every
    // other test's leftover tasks)
    Map<String, Object> warned = new LinkedHashMap<>();
    warned.put("deadlineKind", "WARNING");
    warned.put("deadlineRule", "SVC-07");
    warned.put("taskId", serve.getId());
    warned.put("taskName", serve.getName());
    warned.put("taskDue", serve.getDueDate());
    warned.put("taskDueText", "2027-10-11 24:00");
    warned.put("taskDueProvisional", true);
    warned.put("warnedUsers", "");
    warned.put("warnedGroups", "camunda-admin,section-head");
    String escalation = runtimeService.startProcessInstanceByKey(DeadlineEscalationModel.PROCESS_KEY, warned).getId();
    instances.add(escalation);
    assertThat(task(escalation, DeadlineEscalationModel.TASK_DEADLINE_WARNING).getDueDate()).isEqualTo(end("2027-10-11"));
    assertThat(runtimeService.getVariable(escalation, "taskDueText")).isEqualTo("2027-10-11 24:00");

    assertThat(put("admin", 2027, notice(body -> body)).getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(runtimeService.getVariable(escalation, "taskDue")).isEqualTo(end("2027-10-08"));
    assertThat(runtimeService.getVariable(escalation, "taskDueText")).isEqualTo("2027-10-08 24:00");
    assertThat(runtimeService.getVariable(escalation, "taskDueProvisional")).isEqualTo(false);
    Task warning = task(escalation, DeadlineEscalationModel.TASK_DEADLINE_WARNING);
    assertThat(warning.getDueDate()).isEqualTo(end("2027-10-08"));
    assertThat(taskService.getVariableLocal(warning.getId(), "dueProvisional")).isNull();
  }

  @Test
  @DisplayName("PER-05 PUB-02 the publication tasks of a penalty decided before National Day 2027 move with the notice (the due date is the model's, not a stored copy)")
  void disclosurePublicationMoves() {
    String disclosure = runtimeService.startProcessInstanceByKey(DisclosureModel.PROCESS_KEY, "永城管罚〔2027〕0927号", Map.of(
        "disclosureType", "PENALTY", "caseNumber", "永城管罚〔2027〕0927号", "decisionNumber", "永城管罚决〔2027〕1号",
        "decidedOn", "2027-09-27", "partyName", "某某建材有限公司", "partyType", "LEGAL_PERSON",
        "disclosureSummary", "违法建设，罚款五万元")).getId();
    instances.add(disclosure);
    Task prepare = task(disclosure, DisclosureModel.TASK_PREPARE_DISCLOSURE);
    // the bureau's bound: 4–8 Oct may be working days → 28, 29, 30 Sep, 4, 5, 6, 7 Oct
    assertThat(prepare.getDueDate()).isEqualTo(end("2027-10-07"));
    assertThat(taskService.getVariableLocal(prepare.getId(), "dueProvisional")).isEqualTo(true);

    assertThat(put("admin", 2027, notice(body -> body)).getStatusCode()).isEqualTo(HttpStatus.OK);

    // the notice: 1–7 Oct rest, 8 Oct and Sat 9 Oct working → 28, 29, 30 Sep, 8, 9, 11, 12 Oct
    Task moved = taskService.createTaskQuery().taskId(prepare.getId()).singleResult();
    assertThat(moved.getDueDate()).isEqualTo(end("2027-10-12"));
    assertThat(taskService.getVariableLocal(prepare.getId(), "dueProvisional")).isNull();
    assertThat(audit("task:" + prepare.getId())).singleElement()
        .satisfies(entry -> assertThat(entry.detail()).contains("→ 2027-10-13T00:00:00+08:00"));
  }

  @Test
  @DisplayName("PER-05 a task created after the notice is not marked; /api/periods says provisional before and not after")
  void afterTheNotice() {
    assertThat(period()).containsEntry("lastDay", "2027-10-11").containsEntry("provisional", true);

    assertThat(put("admin", 2027, notice(body -> body)).getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(period()).containsEntry("lastDay", "2027-10-08").containsEntry("provisional", false);
    String instance = runtimeService.startProcessInstanceByKey("calendar-provisional-test",
        Map.of("noticeDay", "2027-09-20", "days", 11)).getId();
    instances.add(instance);
    Task respond = task(instance, "Task_Respond");
    assertThat(respond.getDueDate()).isEqualTo(end("2027-10-08"));
    assertThat(taskService.getVariableLocal(respond.getId(), "dueProvisional")).isNull();
  }

  @Test
  @DisplayName("PER-05 GET /api/calendar/years: 2026 from the library, 2027 provisional with its fixed days, then entered")
  void years() {
    assertThat(year(2026)).containsEntry("source", "LIBRARY");
    assertThat(year(2027)).containsEntry("source", "PROVISIONAL");
    assertThat((List<String>) year(2027).get("holidays")).contains("2027-02-05", "2027-10-03").hasSize(13);

    put("admin", 2027, notice(body -> body));

    assertThat(year(2027)).containsEntry("source", "NOTICE").containsEntry("notice", NOTICE)
        .containsEntry("enteredBy", "admin").containsEntry("makeUpWorkingDays", MAKE_UP);
  }

  @Test
  @DisplayName("PER-05 two nodes: another node's calendar reads the entered notice from the database, not from this node's memory")
  void secondNode() {
    DatabaseNotices otherNode = new DatabaseNotices(jdbc, 0);
    WorkingDayCalendar otherCalendar = new WorkingDayCalendar(new TymeHolidays(), otherNode);
    assertThat(otherCalendar.source(2027)).isEqualTo(CalendarSource.PROVISIONAL);

    put("admin", 2027, notice(body -> body));

    assertThat(otherCalendar.source(2027)).isEqualTo(CalendarSource.NOTICE);
    assertThat(otherCalendar.isWorkingDay(java.time.LocalDate.of(2027, 10, 9))).as("make-up Saturday").isTrue();
  }

  // ------------------------------------------------------------------ refusals

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "missing festival: 除夕 left out    | drop-holiday:2027-02-05 | 缺少春节的法定假日 2027-02-05 | the statutory days of Spring Festival are missing: 2027-02-05",
      "make-up day on a weekday           | add-makeup:2027-02-17   | 调休上班日 2027-02-17 不是周六或周日 | make-up working day 2027-02-17 is not a Saturday or Sunday",
      "holiday outside the year           | add-holiday:2026-12-31  | 放假日期 2026-12-31 不在 2027 年之内 | holidays 2026-12-31 is not inside 2027",
      "make-up day outside the year       | add-makeup:2028-01-08   | 调休上班日期 2028-01-08 不在 2027 年之内 | makeUpWorkingDays 2028-01-08 is not inside 2027",
      "a date both holiday and make-up    | add-makeup:2027-10-02   | 2027-10-02 同时列为放假日和调休上班日 | 2027-10-02 is listed both as a holiday and as a make-up working day",
      "not a date                         | add-holiday:2027-02-30  | \"2027-02-30\" 不是 yyyy-MM-dd 格式的有效日期 | holidays \"2027-02-30\" is not a valid date yyyy-MM-dd",
      "no notice number                   | notice:                 | 缺少通知文号 | the notice number (notice) is missing"})
  @DisplayName("PER-05 an incomplete or inconsistent notice is refused with 400 naming the problem, and nothing changes")
  void refusals(String name, String change, String chinese, String english) {
    ResponseEntity<Map> response = put("admin", 2027, notice(body -> apply(body, change)));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("error", "CALENDAR_NOTICE_INVALID");
    assertThat((String) response.getBody().get("message")).contains(chinese).contains(english).doesNotContain("Exception");
    assertThat(year(2027)).containsEntry("source", "PROVISIONAL");
  }

  @Test
  @DisplayName("PER-05 a year before the 2024 law, and a body that is not JSON, are refused with 400")
  void badYearAndBody() {
    ResponseEntity<Map> early = put("admin", 2024, notice(body -> body));
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) early.getBody().get("message")).contains("2025");

    ResponseEntity<Map> garbage = rest.withBasicAuth("admin", "demo").exchange("/api/calendar/years/2027", HttpMethod.PUT,
        new HttpEntity<>("{holidays: nope", jsonHeaders()), Map.class);
    assertThat(garbage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(garbage.getBody()).containsEntry("error", "CALENDAR_NOTICE_INVALID");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"officer1", "head1", "director1", "rules1"})
  @DisplayName("PER-05 only camunda-admin enters a notice: everybody else gets 403 and nothing changes")
  void forbidden(String user) {
    ResponseEntity<Map> response = put(user, 2027, notice(body -> body));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat((String) response.getBody().get("message")).contains("camunda-admin");
    assertThat(year(2027)).containsEntry("source", "PROVISIONAL");
  }

  @Test
  @DisplayName("PER-05 without credentials the calendar API is 401")
  void unauthenticated() {
    assertThat(rest.exchange("/api/calendar/years/2027", HttpMethod.PUT, new HttpEntity<>(notice(body -> body)), Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  @DisplayName("PER-05 the page for camunda-admin is served by the application, in Chinese, and shows refusals")
  void page() {
    ResponseEntity<String> page = rest.getForEntity("/calendar-years.html", String.class);

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("录入年度放假安排").contains("/api/calendar/years").contains("未录入：")
        .contains("没有权限：");
  }

  // ------------------------------------------------------------------ helpers

  private static Map<String, Object> notice(UnaryOperator<Map<String, Object>> change) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("holidays", new ArrayList<>(HOLIDAYS));
    body.put("makeUpWorkingDays", new ArrayList<>(MAKE_UP));
    body.put("notice", NOTICE);
    return change.apply(body);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> apply(Map<String, Object> body, String change) {
    String[] parts = change.split(":", 2);
    String value = parts.length > 1 ? parts[1] : "";
    switch (parts[0]) {
      case "drop-holiday" -> ((List<String>) body.get("holidays")).remove(value);
      case "add-holiday" -> ((List<String>) body.get("holidays")).add(value);
      case "add-makeup" -> ((List<String>) body.get("makeUpWorkingDays")).add(value);
      case "notice" -> body.put("notice", value);
      default -> throw new IllegalArgumentException(change);
    }
    return body;
  }

  private ResponseEntity<Map> put(String user, int year, Map<String, Object> body) {
    return rest.withBasicAuth(user, "demo").exchange("/api/calendar/years/" + year, HttpMethod.PUT,
        new HttpEntity<>(body, jsonHeaders()), Map.class);
  }

  private static org.springframework.http.HttpHeaders jsonHeaders() {
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    return headers;
  }

  private Map<String, Object> year(int year) {
    ResponseEntity<List> response = rest.withBasicAuth("officer1", "demo").getForEntity("/api/calendar/years", List.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return ((List<Map<String, Object>>) response.getBody()).stream().filter(entry -> entry.get("year").equals(year))
        .findFirst().orElseThrow();
  }

  private Map<String, Object> period() {
    return rest.withBasicAuth("officer1", "demo")
        .getForEntity("/api/periods?from=2027-09-20&days=11&kind=CALENDAR&side=PARTY", Map.class).getBody();
  }

  @SuppressWarnings("unchecked")
  private static List<String> moved(ResponseEntity<Map> response) {
    return ((List<Map<String, Object>>) response.getBody().get("recomputed")).stream()
        .filter(change -> !java.util.Objects.equals(change.get("before"), change.get("after")))
        .map(change -> (String) change.get("id")).toList();
  }

  private List<AuditEntry> audit(String target) {
    return auditLog.forTarget(target);
  }

  private Task task(String instance, String key) {
    return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
  }

  private static Date end(String lastDay) {
    return Date.from(OffsetDateTime.parse(java.time.LocalDate.parse(lastDay).plusDays(1) + "T00:00+08:00").toInstant());
  }
}
