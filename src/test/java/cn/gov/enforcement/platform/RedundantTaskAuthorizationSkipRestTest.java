package cn.gov.enforcement.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.forms.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Attacks on {@link RedundantTaskAuthorizationSkip} through engine-rest and the webapps' API, as
 * officer1 (enforcement-officer): queries that name other groups, other users, LIKE patterns, OR
 * queries mixing an implying criterion with a widening one, filters stored by others and extended
 * by the caller. None may list a task officer1 may not read, and every answer equals the one with
 * the skip switched off (the engine's own check).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // the shared test context
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedundantTaskAuthorizationSkipRestTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RedundantTaskAuthorizationSkip skip;

  private final ObjectMapper json = new ObjectMapper();
  private final List<String> seeded = new ArrayList<>();
  private final Set<String> forbidden = new TreeSet<>();
  private String readable;
  private String othersFilter;

  private void seed() {
    if (readable != null) {
      return;
    }
    TaskService tasks = engine.getTaskService();
    forbidden.add(task("atk section-head", null, "section-head"));
    forbidden.add(task("atk officer2's own", "officer2"));
    forbidden.add(task("atk legal, claimed by officer2", "officer2", "legal-affairs"));
    String candidateUser = task("atk candidate user officer2", null);
    tasks.addCandidateUser(candidateUser, "officer2");
    forbidden.add(candidateUser);
    readable = task("atk officer group", null, "enforcement-officer");
    // a filter stored by a section head with a criterion of their own, readable by the officers
    Filter filter = engine.getFilterService().newTaskFilter("atk 科室待办").setOwner("head1")
        .setQuery(tasks.createTaskQuery().taskCandidateGroup("section-head"));
    engine.getFilterService().saveFilter(filter);
    othersFilter = filter.getId();
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    read.setGroupId("enforcement-officer");
    read.setResource(Resources.FILTER);
    read.setResourceId(othersFilter);
    read.addPermission(Permissions.READ);
    authorizations.saveAuthorization(read);
  }

  private String task(String name, String assignee, String... groups) {
    TaskService tasks = engine.getTaskService();
    Task task = tasks.newTask();
    task.setName(name);
    tasks.saveTask(task);
    for (String group : groups) {
      tasks.addCandidateGroup(task.getId(), group);
    }
    if (assignee != null) {
      tasks.setAssignee(task.getId(), assignee);
    }
    seeded.add(task.getId());
    return task.getId();
  }

  @AfterAll
  void clean() {
    skip.setEnabled(true);
    seeded.forEach(id -> engine.getTaskService().deleteTask(id, true));
    if (othersFilter != null) {
      engine.getFilterService().deleteFilter(othersFilter);
      engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(othersFilter).list()
          .forEach(a -> engine.getAuthorizationService().deleteAuthorization(a.getId()));
    }
  }

  static final String[] ATTACKS = {
      "{\"candidateGroups\":[\"section-head\"]}",
      "{\"candidateGroup\":\"section-head\"}",
      "{\"candidateGroups\":[\"enforcement-officer\",\"section-head\"]}",
      "{\"candidateGroupLike\":\"%\"}",
      "{\"candidateGroups\":[\"enforcement-officer\"],\"candidateGroupLike\":\"%\"}",
      "{\"assignee\":\"officer2\"}",
      "{\"assigneeIn\":[\"officer1\",\"officer2\"]}",
      "{\"candidateUser\":\"officer2\"}",
      "{\"involvedUser\":\"officer2\"}",
      "{\"orQueries\":[{\"assignee\":\"officer1\",\"nameLike\":\"%\"}]}",
      "{\"orQueries\":[{\"assignee\":\"officer1\",\"candidateGroups\":[\"section-head\"]}]}",
      "{\"orQueries\":[{\"assignee\":\"officer1\",\"candidateGroupLike\":\"%\"}]}",
      "{\"orQueries\":[{\"candidateUser\":\"officer1\",\"assignee\":\"officer2\"}]}",
      "{\"orQueries\":[{\"candidateGroups\":[\"enforcement-officer\"],\"includeAssignedTasks\":true,\"nameLike\":\"atk%\"}]}",
      "{\"orQueries\":[{\"assignee\":\"officer1\",\"candidateGroups\":[\"enforcement-officer\"]},{\"nameLike\":\"%\"}]}",
      "{\"candidateGroups\":[\"enforcement-officer\"],\"includeAssignedTasks\":true,\"orQueries\":[{\"nameLike\":\"%\"}]}",
      "{\"assignee\":\"officer1\",\"orQueries\":[{\"assignee\":\"officer2\"}]}",
      "{\"orQueries\":[{\"assignee\":\"officer1\",\"candidateGroups\":[\"enforcement-officer\"]}]}",
      "{\"orQueries\":[{\"assigneeExpression\":\"${currentUser()}\",\"candidateGroupsExpression\":\"${currentUserGroups()}\"}]}",
      "{\"candidateGroupsExpression\":\"${['section-head']}\"}",
      "{}"};

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/engine-rest/task", "/engine-rest/task/count", "/camunda/api/engine/engine/default/task",
      "/camunda/api/engine/engine/default/task/count"})
  @DisplayName("AUX-01 issue #17 attacks over engine-rest and the webapps' API list no task the officer may not read and answer as the engine's own check")
  void adHocQueries(String path) throws Exception {
    seed();
    for (String attack : ATTACKS) {
      attack(path, attack);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/engine-rest/filter/%s/list", "/engine-rest/filter/%s/count",
      "/camunda/api/engine/engine/default/filter/%s/list", "/camunda/api/engine/engine/default/filter/%s/count"})
  @DisplayName("AUX-01 issue #17 a filter stored by another user, run and extended by the officer, lists no task the officer may not read and answers as the engine's own check")
  void filters(String pathPattern) throws Exception {
    seed();
    String ownQueue = engine.getFilterService().createFilterQuery().filterName("本组待办").singleResult().getId();
    String dueSoon = engine.getFilterService().createFilterQuery().filterName("即将到期").singleResult().getId();
    for (String filter : List.of(othersFilter, ownQueue, dueSoon)) {
      for (String attack : ATTACKS) {
        if (!attack.contains("Expression")) {
          attack(pathPattern.formatted(filter), attack);
        }
      }
    }
  }

  private void attack(String path, String body) throws Exception {
    String optimised = call(path, body);
    String engineAnswer;
    skip.setEnabled(false);
    try {
      engineAnswer = call(path, body);
    } finally {
      skip.setEnabled(true);
    }
    assertThat(optimised).as("%s %s", path, body).isEqualTo(engineAnswer);
    for (String id : forbidden) {
      assertThat(optimised).as("%s %s lists a task officer1 may not read", path, body).doesNotContain(id);
    }
  }

  /** Status and the sorted task ids (or the count) of one call as officer1. */
  private String call(String path, String body) throws Exception {
    ResponseEntity<String> response;
    if (path.startsWith("/camunda/")) {
      WebappSession session = WebappSession.login(rest, "officer1", "demo");
      response = session.send(HttpMethod.POST, path, body);
    } else {
      HttpHeaders headers = new HttpHeaders();
      headers.setBasicAuth("officer1", "demo");
      headers.setContentType(MediaType.APPLICATION_JSON);
      headers.setAccept(List.of(MediaType.APPLICATION_JSON));
      response = rest.exchange(URI.create(rest.getRootUri() + path), HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }
    if (!response.getStatusCode().is2xxSuccessful()) {
      return response.getStatusCode().value() + "";
    }
    JsonNode answer = json.readTree(response.getBody());
    if (answer.has("count")) {
      return "200 count " + answer.get("count").asLong();
    }
    Set<String> ids = new TreeSet<>();
    answer.forEach(task -> ids.add(task.get("id").asText()));
    return "200 " + ids;
  }
}
