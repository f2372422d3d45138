package cn.gov.enforcement.security;

import static cn.gov.enforcement.security.Attacks.assertNoMarker;
import static cn.gov.enforcement.security.Attacks.authenticate;
import static cn.gov.enforcement.security.Attacks.newMarker;
import static cn.gov.enforcement.security.Attacks.orQueryBody;
import static cn.gov.enforcement.security.Attacks.payload;
import static cn.gov.enforcement.security.Attacks.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.forms.WebappSession;
import cn.gov.enforcement.platform.GuardBadRequestException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.HistoricTaskInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 11 item 1 (CVE-2026-109432): no logged-in user runs code through a task query, whatever
 * the path spelling, the API (engine-rest, webapps' API, Java) or the nesting (orQueries). Code
 * execution is detected by a marker file the payload would create; the first test shows that the
 * payload does create it when evaluated, so the absence means something.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QueryExpressionAttackTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;
  @Autowired ProcessEngineConfiguration configuration;

  @AfterEach
  void clear() {
    identityService.clearAuthentication();
  }

  @Test
  @DisplayName("AUX-01 对照：该载荷一旦被求值确实会创建标记文件 / control: the payload does create the marker when evaluated")
  void payloadCreatesTheMarkerWhenEvaluated() throws Exception {
    Path marker = newMarker();
    ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) configuration;
    Object value = engine.getCommandExecutorTxRequired().execute(context ->
        engine.getExpressionManager().createExpression(payload(marker)).getValue(StartProcessVariableScope.getSharedInstance()));
    assertThat(value).isEqualTo("a");
    assertThat(marker).exists();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "/engine-rest/task;x=1",
      "/engine-rest/task/count;x=1",
      "/engine-rest/task;",
      "/engine-rest/task/;x=1",
      "/engine-rest/engine/default/task;a",
      "/engine-rest/engine/default/task/count;a=b",
      "/engine-rest/ta%73k",
      "/engine-rest/%74ask/count",
      "/engine-rest//task",
      "/engine-rest/task//count",
      "/engine-rest/task",
      "/engine-rest/task/count"})
  @DisplayName("AUX-01 辅助人员经 engine-rest 的任务查询（各种路径写法）不能执行代码：400 / no code runs through a task query, any path spelling")
  void taskQueryPathVariantsAreRefused(String path) throws Exception {
    Path marker = newMarker();
    ResponseEntity<String> response = send(rest, HttpMethod.POST, path, "aux1", orQueryBody(marker));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("EXPRESSION_REFUSED");
    assertNoMarker(marker);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/engine-rest/TASK", "/engine-rest/Task;x=1", "/ENGINE-REST/task", "/engine-rest/TASK/COUNT"})
  @DisplayName("AUX-01 大写路径变体：不执行代码，4xx / upper-case variants run no code and answer 4xx")
  void upperCaseVariantsRunNoCode(String path) throws Exception {
    Path marker = newMarker();
    ResponseEntity<String> response = send(rest, HttpMethod.POST, path, "aux1", orQueryBody(marker));
    assertThat(response.getStatusCode().is4xxClientError()).as("%s → %s", path, response.getStatusCode()).isTrue();
    assertNoMarker(marker);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"/list;x=1", "/count;x=1", "/list", "/list/", "/singleResult;a"})
  @DisplayName("AUX-01 过滤器执行附带表达式查询被拒绝：400 / a filter execution extended by an expression query is refused")
  void filterExecutionVariantsAreRefused(String suffix) throws Exception {
    Path marker = newMarker();
    ResponseEntity<String> response = send(rest, HttpMethod.POST, "/engine-rest/filter/" + myTasksFilterId() + suffix, "aux1",
        orQueryBody(marker));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("EXPRESSION_REFUSED");
    assertNoMarker(marker);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "/camunda/api/engine/engine/default/task;x=1",
      "/camunda/api/engine/engine/default/task/count;x=1",
      "/camunda/api/engine/engine/default/task/"})
  @DisplayName("AUX-01 Tasklist 的 webapp API（会话 + CSRF）同样拒绝：400 / the webapps' API refuses it too")
  @SuppressWarnings("rawtypes")
  void webappApiIsRefused(String path) throws Exception {
    Path marker = newMarker();
    WebappSession session = WebappSession.login(rest, "aux1", "demo");
    ResponseEntity<Map> response = session.post(path,
        Map.of("orQueries", List.of(Map.of("assigneeExpression", payload(marker)))));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertNoMarker(marker);
  }

  @Test
  @DisplayName("AUX-01 webapp API 的过滤器执行同样拒绝 / the webapps' filter execution refuses it too")
  @SuppressWarnings("rawtypes")
  void webappFilterExecutionIsRefused() throws Exception {
    Path marker = newMarker();
    WebappSession session = WebappSession.login(rest, "aux1", "demo");
    ResponseEntity<Map> response = session.post("/camunda/api/engine/engine/default/filter/" + myTasksFilterId() + "/list;x=1",
        Map.of("orQueries", List.of(Map.of("assigneeExpression", payload(marker)))));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertNoMarker(marker);
  }

  @Test
  @DisplayName("AUX-01 历史任务查询（REST）不执行代码 / a historic task query over REST runs no code")
  void historicTaskQueryOverRest() throws Exception {
    Path marker = newMarker();
    String body = "{\"orQueries\":[{\"taskAssigneeExpression\":\"" + payload(marker) + "\"}],\"taskAssigneeExpression\":\""
        + payload(marker) + "\"}";
    for (String path : List.of("/engine-rest/history/task;x=1", "/engine-rest/history/task/count;x=1")) {
      ResponseEntity<String> response = send(rest, HttpMethod.POST, path, "aux1", body);
      assertThat(response.getStatusCode().is4xxClientError()).as("%s → %s", path, response.getStatusCode()).isTrue();
    }
    assertNoMarker(marker);
  }

  @Test
  @DisplayName("AUX-01 Java API：or() 查询中的表达式被引擎拒绝（有无登录用户都一样） / the engine refuses it in the Java API")
  void javaApiOrQueryIsRefused() throws Exception {
    Path marker = newMarker();
    authenticate(identityService, "aux1");
    TaskQuery query = taskService.createTaskQuery().or().taskAssigneeExpression(payload(marker)).endOr();
    assertThatThrownBy(query::list).isInstanceOf(GuardBadRequestException.class).hasMessageContaining("taskAssignee");
    assertThatThrownBy(query::count).isInstanceOf(GuardBadRequestException.class);
    identityService.clearAuthentication();
    TaskQuery topLevel = taskService.createTaskQuery().taskCandidateGroupInExpression(payload(marker));
    assertThatThrownBy(topLevel::list).isInstanceOf(GuardBadRequestException.class).hasMessageContaining("taskCandidateGroupIn");
    assertNoMarker(marker);
  }

  @Test
  @DisplayName("AUX-01 Java API：历史任务查询中的表达式被拒绝 / the engine refuses an expression in a historic task query")
  void javaApiHistoricQueryIsRefused() throws Exception {
    Path marker = newMarker();
    HistoricTaskInstanceQueryImpl query = (HistoricTaskInstanceQueryImpl) historyService.createHistoricTaskInstanceQuery();
    query.addExpression("taskAssignee", payload(marker));
    assertThatThrownBy(query::list).isInstanceOf(GuardBadRequestException.class).hasMessageContaining("taskAssignee");
    HistoricTaskInstanceQueryImpl or = (HistoricTaskInstanceQueryImpl) historyService.createHistoricTaskInstanceQuery()
        .or().taskAssignee("x").endOr();
    or.getQueries().get(1).addExpression("taskAssignee", payload(marker));
    assertThatThrownBy(or::count).isInstanceOf(GuardBadRequestException.class);
    assertNoMarker(marker);
  }

  @Test
  @DisplayName("AUX-01 过滤器的创建与修改：只允许 currentUser() 等固定表达式 / filters store only the Tasklist's own expressions")
  void filterCreateAndUpdateAreRefused() throws Exception {
    Path marker = newMarker();
    Filter evil = filterService.newTaskFilter("evil").setQuery(taskService.createTaskQuery().or()
        .taskAssigneeExpression(payload(marker)).endOr());
    assertThatThrownBy(() -> filterService.saveFilter(evil)).isInstanceOf(GuardBadRequestException.class)
        .hasMessageContaining("taskAssignee");
    assertThat(filterService.createFilterQuery().filterName("evil").count()).isZero();

    Filter good = filterService.saveFilter(filterService.newTaskFilter("guard-test")
        .setQuery(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")
            .dueBeforeExpression("${dateTime().plusDays(3).toDate()}")));
    try {
      Filter changed = filterService.getFilter(good.getId())
          .setQuery(taskService.createTaskQuery().dueBeforeExpression(payload(marker)));
      assertThatThrownBy(() -> filterService.saveFilter(changed)).isInstanceOf(GuardBadRequestException.class)
          .hasMessageContaining("dueBefore");
      authenticate(identityService, "admin"); // currentUser() needs one
      assertThat(filterService.list(good.getId())).isNotNull();
      TaskQuery extending = taskService.createTaskQuery().or().taskOwnerExpression(payload(marker)).endOr();
      assertThatThrownBy(() -> filterService.list(good.getId(), extending)).isInstanceOf(GuardBadRequestException.class);
    } finally {
      identityService.clearAuthentication();
      filterService.deleteFilter(good.getId());
    }
    // over REST: a filter created with an expression query
    String body = "{\"resourceType\":\"Task\",\"name\":\"evil\",\"owner\":\"admin\",\"query\":" + orQueryBody(marker) + "}";
    ResponseEntity<String> create = send(rest, HttpMethod.POST, "/engine-rest/filter/create;x=1", "admin", body);
    assertThat(create.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(filterService.createFilterQuery().filterName("evil").count()).isZero();
    assertNoMarker(marker);
  }

  @Test
  @DisplayName("AUX-01 本局 Tasklist 过滤器照常可用 / the bureau's own Tasklist filters still work")
  void bureauFiltersStillWork() {
    ResponseEntity<String> list = send(rest, HttpMethod.POST, "/engine-rest/filter/" + myTasksFilterId() + "/list", "officer1", "{}");
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<String> count = send(rest, HttpMethod.GET, "/engine-rest/filter/" + overdueFilterId() + "/count", "officer1", null);
    assertThat(count.getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<String> plain = send(rest, HttpMethod.POST, "/engine-rest/task;x=1", "aux1",
        "{\"orQueries\":[{\"assignee\":\"aux1\"},{\"candidateGroup\":\"auxiliary-staff\"}]}");
    assertThat(plain.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  private String myTasksFilterId() {
    return filterService.createFilterQuery().filterName("我的待办").singleResult().getId();
  }

  private String overdueFilterId() {
    return filterService.createFilterQuery().filterName("已逾期").singleResult().getId();
  }
}
