package cn.gov.enforcement.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Issue 12 item 6: a deadline that cannot be computed from what a person submitted (a count of 0
 * days, a start that is not a date) is answered through engine-rest as a form refusal (400,
 * FORM_INVALID, Chinese and English, rule PER-02), never as 500 with a Java class name; the task
 * stays open and the instance is not started.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeriodRefusalRestTest {

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  private String deploymentId;

  @BeforeAll
  void deploy() {
    deploymentId = repositoryService.createDeployment().name("calendar-refusal-test")
        .addClasspathResource("calendar-test/provisional-deadlines.bpmn").deploy().getId();
  }

  @AfterAll
  void undeploy() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  @ParameterizedTest(name = "days = {0}, startDay = {1}")
  @CsvSource(delimiter = '|', value = {
      "0  | 2027-03-01 | 天数",
      "-3 | 2027-03-01 | 天数",
      "10 | 1.3.2027   | 起算日期"})
  @DisplayName("PER-02 task submit-form through engine-rest: a deadline that cannot be computed is a 400 form refusal, the task stays")
  void submitForm(int days, String startDay, String wording) {
    String instance = runtimeService.startProcessInstanceByKey("calendar-refusal-test", Map.of("startDay", startDay)).getId();
    Task enter = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_Enter").singleResult();

    ResponseEntity<Map> response = post("/task/" + enter.getId() + "/submit-form", Map.of("variables", vars("days", days)));

    assertRefusal(response, wording);
    assertThat(taskService.createTaskQuery().taskId(enter.getId()).singleResult()).as("still open").isNotNull();
    assertThat(runtimeService.getVariable(instance, "days")).as("nothing stored").isNull();
    runtimeService.deleteProcessInstance(instance, "test");
  }

  @Test
  @DisplayName("PER-02 /process-definition/…/start through engine-rest: the same refusal instead of 500, no instance")
  void start() {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("calendar-refusal-start-test").count();

    ResponseEntity<Map> response = post("/process-definition/key/calendar-refusal-start-test/start",
        Map.of("variables", vars("startDay", "2027-03-01", "days", 0)));

    assertRefusal(response, "天数");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("calendar-refusal-start-test").count())
        .isEqualTo(before);
  }

  @Test
  @DisplayName("PER-05 a deadline in a year without a notice is no refusal at all: the step completes and the due date is marked")
  void provisionalYearCompletes() {
    String instance = runtimeService.startProcessInstanceByKey("calendar-refusal-test", Map.of("startDay", "2027-09-20")).getId();
    Task enter = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_Enter").singleResult();

    ResponseEntity<Map> response = post("/task/" + enter.getId() + "/submit-form", Map.of("variables", vars("days", 11)));

    assertThat(response.getStatusCode().value()).isIn(200, 204);
    Task due = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_Due").singleResult();
    assertThat(due.getDueDate()).isNotNull();
    assertThat(taskService.getVariableLocal(due.getId(), "dueProvisional")).isEqualTo(true);
    runtimeService.deleteProcessInstance(instance, "test");
  }

  private static void assertRefusal(ResponseEntity<Map> response, String wording) {
    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody()).containsEntry("error", "FORM_INVALID").containsEntry("field", "period");
    String message = (String) response.getBody().get("message");
    assertThat(message).contains("期限无法计算").contains(wording).contains("PER-02").contains(" / ")
        .contains("the deadline cannot be computed");
    assertThat(message).doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Za-z.]*[A-Z]\\w+").doesNotContain("Exception");
    assertThat((List<Map<String, String>>) response.getBody().get("violations"))
        .singleElement().satisfies(v -> assertThat(v).containsEntry("reason", "PER-02"));
  }

  private ResponseEntity<Map> post(String path, Object body) {
    return rest.withBasicAuth("admin", "demo").postForEntity("/engine-rest" + path, body, Map.class);
  }

  private static Map<String, Object> vars(Object... namesAndValues) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Map<String, Object> dto = new HashMap<>();
      dto.put("value", namesAndValues[i + 1]);
      variables.put((String) namesAndValues[i], dto);
    }
    return variables;
  }
}
