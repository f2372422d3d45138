package cn.gov.enforcement.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.calendar.BeijingTime;
import cn.gov.enforcement.disclosure.DisclosureModel;
import cn.gov.enforcement.forms.WebappSession;
import cn.gov.enforcement.platform.EngineClock;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * PER-07 期限看板: {@code GET /api/deadlines/board}. The fixture is a real case of a late task: a
 * disclosure registered for a penalty decided on 9 Oct 2026 is due 7 working days later (PUB-02),
 * long before today's date, so its first task is overdue on the engine's own terms.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeadlineBoardTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  private ProcessInstance lateDisclosure() {
    return disclosureDecidedOn("2026-10-09");
  }

  /** A disclosure decided today: its first task is due 7 working days later (PUB-02), so OPEN unless marked. */
  private ProcessInstance timelyDisclosure() {
    return disclosureDecidedOn(BeijingTime.dayOf(EngineClock.now()).toString());
  }

  private ProcessInstance disclosureDecidedOn(String decidedOn) {
    return runtimeService.startProcessInstanceByKey(DisclosureModel.PROCESS_KEY, "DIS-BOARD-" + System.nanoTime(), Map.of(
        "disclosureType", "PENALTY", "caseNumber", "云建罚〔2026〕7号", "decisionNumber", "云建罚决〔2026〕7号",
        "decidedOn", decidedOn, "partyName", "某商贸有限公司", "partyType", "LEGAL_PERSON", "disclosureSummary", "摘要"));
  }

  /** The board as {@code user} reads it with the query {@code query} ("" for none). */
  @SuppressWarnings("unchecked")
  private Map<String, Object> board(String user, String query) {
    return rest.withBasicAuth(user, "demo").getForObject("/api/deadlines/board" + (query.isEmpty() ? "" : "?" + query), Map.class);
  }

  /** The first candidate group of the instance's task, as the board shows it to the records office. */
  @SuppressWarnings("unchecked")
  private String archiveUnitOf(ProcessInstance pi) {
    return ((List<String>) tasksOf(board("records1", ""), pi).get(0).get("units")).get(0);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> tasksOf(Map<String, Object> board, ProcessInstance pi) {
    return ((List<Map<String, Object>>) board.get("tasks")).stream()
        .filter(t -> pi.getId().equals(t.get("processInstanceId"))).toList();
  }

  @Test
  @DisplayName("PER-07 期限看板列出本单位已逾期的任务，含程序、承办单位、承办人和最后一日 / the board lists the unit's overdue task with procedure, unit, officer and last day")
  @SuppressWarnings("unchecked")
  void managersSeeTheOverdueTask() {
    ProcessInstance pi = lateDisclosure();
    for (String manager : List.of("supervisor1", "head1", "director1")) {
      Map<String, Object> board = rest.withBasicAuth(manager, "demo").getForObject("/api/deadlines/board", Map.class);
      List<Map<String, Object>> tasks = tasksOf(board, pi);
      assertThat(tasks).as("%s sees the late disclosure", manager).hasSize(1);
      Map<String, Object> task = tasks.get(0);
      assertThat(task.get("status")).isEqualTo("OVERDUE");
      assertThat(task.get("procedureKey")).isEqualTo("disclosure");
      assertThat((List<String>) task.get("unitNames")).containsExactly("办公室(档案)");
      assertThat(task.get("assigneeName")).isEqualTo("（未签收）");
      assertThat(task.get("businessKey")).isEqualTo(pi.getBusinessKey());
      assertThat(((Map<String, Object>) board.get("total")).get("overdue")).isInstanceOf(Integer.class);
      assertThat((List<Map<String, Object>>) board.get("byProcedure"))
          .anySatisfy(row -> {
            assertThat(row.get("id")).isEqualTo("disclosure");
            assertThat((Integer) row.get("overdue")).isPositive();
          });
    }
  }

  @Test
  @DisplayName("PER-07 看板只列出本人可读的任务：执法人员看不到档案室的任务 / the board lists only tasks the caller may read")
  @SuppressWarnings("unchecked")
  void othersSeeOnlyTheirGroupsTasks() {
    ProcessInstance pi = lateDisclosure();
    Map<String, Object> board = rest.withBasicAuth("officer1", "demo").getForObject("/api/deadlines/board", Map.class);
    assertThat(tasksOf(board, pi)).isEmpty();
    Map<String, Object> records = rest.withBasicAuth("records1", "demo").getForObject("/api/deadlines/board", Map.class);
    assertThat(tasksOf(records, pi)).hasSize(1);
    assertThat(rest.getForEntity("/api/deadlines/board", String.class).getStatusCode().value()).isEqualTo(401);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/deadlines/board;x=1", "/api;x=1/deadlines/board", "//api/deadlines/board",
      "/api/deadlines//board", "/api/%64eadlines/board", "/api/deadlines/board/", "/API/deadlines/board",
      "/api/deadlines/x/../board", "/api/deadlines/x/%2e%2e/board", "/api/./deadlines/board"})
  @DisplayName("PER-07 路径变体绕不过看板的登录要求 / path variants of the board never answer without credentials")
  void pathVariantsNeedCredentials(String path) {
    lateDisclosure();
    ResponseEntity<String> response = rest.getForEntity(URI.create(rest.getRootUri() + path), String.class);
    assertThat(response.getStatusCode().value()).as(path).isIn(400, 401, 404);
    assertThat(response.getBody() == null ? "" : response.getBody()).as(path).doesNotContain("DIS-BOARD-");
  }

  @Test
  @DisplayName("PER-07 选择参数不能扩大可读范围：执法人员按档案室单位或他人筛选也看不到其任务 / a selection never widens what the caller may read")
  @SuppressWarnings("unchecked")
  void aSelectionNeverWidensTheBoard() {
    ProcessInstance pi = lateDisclosure();
    String unit = archiveUnitOf(pi);
    for (String query : List.of("dimension=unit&id=" + unit, "dimension=officer&id=", "dimension=procedure&id=disclosure",
        "status=OVERDUE&limit=1000", "dimension=unit&id=" + unit + "&status=OVERDUE")) {
      assertThat(tasksOf(board("officer1", query), pi)).as(query).isEmpty();
    }
    assertThat(board("officer1", "dimension=unit&id=" + unit).get("matching")).isEqualTo(0);
  }

  @ParameterizedTest(name = "{0} = {1} → {2}, provisional {3}")
  @DisplayName("PER-07 PER-05 看板读取任务的期限标记：即将到期、已逾期、期限暂定；值为 false 的标记不算 / the board reads the tasks' deadline marks; a mark set to false does not count")
  @CsvSource({
      "none,           false, OPEN,    false",
      "deadlineSoon,   true,  SOON,    false",
      "overdue,        true,  OVERDUE, false",
      "overdue,        false, OPEN,    false",
      "dueProvisional, true,  OPEN,    true"})
  @SuppressWarnings("unchecked")
  void theMarksDecideTheStatus(String mark, boolean value, String status, boolean provisional) {
    ProcessInstance pi = timelyDisclosure();
    if (!mark.equals("none")) {
      taskService.setVariableLocal(taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId(), mark, value);
    }
    Map<String, Object> task = tasksOf(board("supervisor1", "limit=1000"), pi).get(0);
    assertThat(task.get("status")).isEqualTo(status);
    assertThat(task.get("provisional")).isEqualTo(provisional);
  }

  @Test
  @DisplayName("PER-07 看板按单位计数也只算本人可读的任务：执法人员的看板上没有档案室的单位 / the unit counts too hold only tasks the caller may read")
  @SuppressWarnings("unchecked")
  void unitCountsHoldOnlyReadableTasks() {
    ProcessInstance pi = lateDisclosure();
    String unit = archiveUnitOf(pi);
    Map<String, Object> records = board("records1", "");
    Map<String, Object> officer = board("officer1", "");
    assertThat((List<Map<String, Object>>) records.get("byUnit")).extracting(c -> c.get("id")).contains(unit);
    assertThat((List<Map<String, Object>>) officer.get("byUnit")).extracting(c -> c.get("id")).doesNotContain(unit);
  }

  @Test
  @DisplayName("PER-07 Cockpit 以登录会话读取看板；无 CSRF 令牌的会话写操作被拒绝 / Cockpit reads the board with its session; a session write without the CSRF token is refused")
  @SuppressWarnings("unchecked")
  void cockpitSessionReadsOnly() {
    ProcessInstance pi = lateDisclosure();
    WebappSession session = WebappSession.login(rest, "supervisor1", "demo", "cockpit");
    ResponseEntity<String> board = session.send(HttpMethod.GET, "/api/deadlines/board", null);
    assertThat(board.getStatusCode().value()).isEqualTo(200);
    assertThat(board.getBody()).contains(pi.getId());
    // a write to /api with the session cookie but without the webapps' CSRF token (what another site's
    // page could send): refused before it is read, and nothing changes
    ResponseEntity<String> write = rest.exchange("/api/calendar/years/2031", HttpMethod.PUT,
        new org.springframework.http.HttpEntity<>("{}", session.headersWithoutCsrf()), String.class);
    assertThat(write.getStatusCode().value()).isEqualTo(403);
    assertThat(write.getBody()).contains("X-XSRF-TOKEN");
    // with the token the session is the signed-in user, who is not camunda-admin
    assertThat(session.send(HttpMethod.PUT, "/api/calendar/years/2031", "{}").getStatusCode().value()).isEqualTo(403);
    // engine-rest keeps HTTP Basic even for a read
    assertThat(session.send(HttpMethod.GET, "/engine-rest/task", null).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  @DisplayName("PER-07 #17 看板的列表由服务器按状态、程序、单位、承办人选出，计数仍是全部 / the server selects the list by status, procedure, unit or officer; the counts stay whole")
  @SuppressWarnings("unchecked")
  void theServerSelectsTheList() {
    ProcessInstance first = lateDisclosure();
    ProcessInstance second = lateDisclosure();
    Map<String, Object> whole = rest.withBasicAuth("supervisor1", "demo").getForObject("/api/deadlines/board", Map.class);
    String unit = ((List<String>) tasksOf(whole, first).get(0).get("units")).get(0);
    for (String query : List.of("status=OVERDUE", "status=overdue", "dimension=procedure&id=disclosure",
        "dimension=unit&id=" + unit, "dimension=officer&id=", "status=OVERDUE&dimension=unit&id=" + unit)) {
      Map<String, Object> board = rest.withBasicAuth("supervisor1", "demo").getForObject("/api/deadlines/board?" + query, Map.class);
      List<Map<String, Object>> tasks = (List<Map<String, Object>>) board.get("tasks");
      assertThat(board.get("total")).as(query).isEqualTo(whole.get("total"));
      assertThat(board.get("byUnit")).as(query).isEqualTo(whole.get("byUnit"));
      assertThat(tasksOf(board, first)).as(query).hasSize(1);
      assertThat(tasksOf(board, second)).as(query).hasSize(1);
      assertThat(board.get("matching")).as(query).isEqualTo(tasks.size());
      assertThat(tasks).as(query).allSatisfy(task -> {
        if (query.contains("OVERDUE") || query.contains("overdue")) assertThat(task.get("status")).isEqualTo("OVERDUE");
        if (query.contains("procedure")) assertThat(task.get("procedureKey")).isEqualTo("disclosure");
        if (query.contains("unit")) assertThat((List<String>) task.get("units")).contains(unit);
        if (query.contains("officer")) assertThat(task.get("assignee")).isNull();
      });
    }
    Map<String, Object> others = rest.withBasicAuth("supervisor1", "demo")
        .getForObject("/api/deadlines/board?dimension=officer&id=legal1", Map.class);
    assertThat(tasksOf(others, first)).isEmpty();
  }

  @Test
  @DisplayName("PER-07 #17 看板列表最多给出 limit 条并报告共有几条；仪表盘只取计数 / the list holds at most limit entries and says how many match; the dashboard takes the counts only")
  @SuppressWarnings("unchecked")
  void theListIsLimited() {
    lateDisclosure();
    lateDisclosure();
    Map<String, Object> one = rest.withBasicAuth("supervisor1", "demo").getForObject("/api/deadlines/board?limit=1", Map.class);
    assertThat((List<Object>) one.get("tasks")).hasSize(1);
    assertThat((Integer) one.get("matching")).isGreaterThanOrEqualTo(2)
        .isEqualTo(((Map<String, Object>) one.get("total")).get("open"));
    Map<String, Object> counts = rest.withBasicAuth("supervisor1", "demo").getForObject("/api/deadlines/board?limit=0", Map.class);
    assertThat((List<Object>) counts.get("tasks")).isEmpty();
    assertThat(counts.get("total")).isEqualTo(one.get("total"));
    Map<String, Object> byDefault = rest.withBasicAuth("supervisor1", "demo").getForObject("/api/deadlines/board", Map.class);
    assertThat(((List<Object>) byDefault.get("tasks")).size())
        .isEqualTo(Math.min((Integer) byDefault.get("matching"), DeadlineBoard.Selection.DEFAULT_LIMIT));
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("PER-07 #17 看板的无效参数得到 400 和中英文说明 / an invalid board parameter gets a 400 saying why in Chinese and English")
  @CsvSource(delimiter = '|', value = {
      "status=LATE            | 字段 status（状态） 无效",
      "dimension=team&id=x    | 字段 dimension（统计口径） 无效",
      "limit=-1               | 字段 limit（条数） 无效",
      "limit=1001             | 字段 limit（条数） 无效",
      "limit=many             | 参数 limit 的值无效"})
  void invalidParametersAreRefused(String query, String message) {
    ResponseEntity<String> response = rest.withBasicAuth("supervisor1", "demo").getForEntity("/api/deadlines/board?" + query, String.class);
    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody()).contains(message).contains(" / invalid").doesNotContain("Exception").doesNotContain("java.");
  }
}
