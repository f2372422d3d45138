package cn.gov.enforcement.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.recording.EvidenceFixtures;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The operator's metrics on {@code /actuator/prometheus} (docs/operations.md "Metrics"): present,
 * and moving when the thing they count happens. Own JVM: Spring Boot switches the exporters off in
 * tests, {@code @AutoConfigureObservability} keeps them on as in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Tag("own-jvm")
@DisplayName("运行指标：引擎与本系统 / the engine's and the application's metrics on /actuator/prometheus")
class PlatformMetricsTest {

  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*\\})?) (\\S+)$",
      Pattern.MULTILINE);

  @Autowired TestRestTemplate rest;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired TaskService taskService;

  @AfterEach
  void clock() {
    ClockUtil.reset();
  }

  /** Sample name (with labels, as Prometheus prints them) → value. */
  private Map<String, Double> scrape() {
    ResponseEntity<String> response = rest.withBasicAuth("admin", "demo").getForEntity("/actuator/prometheus", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Double> samples = new HashMap<>();
    Matcher matcher = SAMPLE.matcher(response.getBody());
    while (matcher.find()) {
      samples.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
    }
    return samples;
  }

  private static double value(Map<String, Double> samples, String name) {
    assertThat(samples).as("metric %s on /actuator/prometheus", name).containsKey(name);
    return samples.get(name);
  }

  @Test
  @DisplayName("引擎指标、作业积压、录音存量、规则闸门、被拒提交均有且随操作增长 / engine metrics, job backlog, recordings stored, rule gate runs and refused submissions are published and move")
  void metricsArePublishedAndMove() {
    Map<String, Double> before = scrape();
    for (String engineMetric : PlatformMetrics.ENGINE_METRICS) {
      value(before, engineMetric.replace('-', '_').replaceFirst("^", "camunda_") + "_total");
    }
    for (String name : List.of("camunda_jobs_due", "camunda_jobs_failed", "enforcement_recordings_stored_bytes",
        "enforcement_recordings_stored", "enforcement_rule_gate_runs_total",
        "enforcement_submissions_refused_total{kind=\"form\"}", "enforcement_submissions_refused_total{kind=\"guard\"}")) {
      value(before, name);
    }

    // a procedure started through REST as the Tasklist does
    ResponseEntity<Map> started = rest.withBasicAuth("head1", "demo").postForEntity(
        "/engine-rest/process-definition/key/legal-review/submit-form", Map.of("businessKey", "LR-M-" + System.nanoTime(),
            "variables", Map.of("subject", Map.of("value", "对某公司违法建设作出拆除决定"),
                "investigators", Map.of("value", "officer1,officer2"), "reviewMaterials", Map.of("value", "案卷一册"))),
        Map.class);
    assertThat(started.getStatusCode().is2xxSuccessful()).as(String.valueOf(started.getBody())).isTrue();
    // the same start form without its required fields: refused by the form validation
    ResponseEntity<String> refusedForm = rest.withBasicAuth("head1", "demo").postForEntity(
        "/engine-rest/process-definition/key/legal-review/submit-form", Map.of("variables", Map.of()), String.class);
    assertThat(refusedForm.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refusedForm.getBody()).contains("FORM_INVALID");
    // a start that names its own requester (a who-did-it variable): refused by the engine guard
    ResponseEntity<String> refusedStamp = rest.withBasicAuth("head1", "demo").postForEntity(
        "/engine-rest/process-definition/key/legal-review/submit-form", Map.of("variables", Map.of(
            "subject", Map.of("value", "对某公司违法建设作出拆除决定"), "investigators", Map.of("value", "officer1,officer2"),
            "reviewMaterials", Map.of("value", "案卷一册"), "reviewRequester", Map.of("value", "director"))), String.class);
    assertThat(refusedStamp.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refusedStamp.getBody()).contains("SERVER_STAMPED");
    // a task query carrying an expression, through the Java API (REST refuses it before the engine
    // already, identity.TaskQueryExpressionGuard): refused by the engine guard
    assertThatThrownBy(() -> taskService.createTaskQuery().taskAssigneeExpression("${execution}").list())
        .isInstanceOf(GuardBadRequestException.class);
    // a recording stored
    EvidenceFixtures.uploadId(rest, "officer1", EvidenceFixtures.justRecorded("ONSITE_INSPECTION"), EvidenceFixtures.mp4());
    // a rule table deployed again: the gate runs its cases
    repositoryService.createDeployment().name("metrics-test").addClasspathResource("dmn/retention-class.dmn")
        .addClasspathResource("dmn/cases/retention-class.csv").deploy();
    // the deadline watch's timer (every 10 minutes) comes due and is executed
    ClockUtil.setCurrentTime(Date.from(Instant.now().plusSeconds(3600)));
    Map<String, Double> due = scrape();
    assertThat(value(due, "camunda_jobs_due")).isGreaterThanOrEqualTo(1);
    Job timer = managementService.createJobQuery().executable().active().list().get(0);
    managementService.executeJob(timer.getId());

    Map<String, Double> after = scrape();
    for (String name : List.of("camunda_root_process_instance_start_total", "camunda_activity_instance_start_total",
        "camunda_activity_instance_end_total", "camunda_executed_decision_elements_total",
        "camunda_executed_decision_instances_total", "enforcement_rule_gate_runs_total",
        "enforcement_submissions_refused_total{kind=\"form\"}", "enforcement_submissions_refused_total{kind=\"guard\"}",
        "enforcement_recordings_stored", "camunda_job_successful_total")) {
      assertThat(value(after, name)).as(name).isGreaterThan(value(before, name));
    }
    assertThat(value(after, "enforcement_submissions_refused_total{kind=\"form\"}")
        - value(before, "enforcement_submissions_refused_total{kind=\"form\"}")).as("each refusal counted once").isEqualTo(2);
    assertThat(value(after, "enforcement_recordings_stored_bytes") - value(before, "enforcement_recordings_stored_bytes"))
        .isEqualTo(EvidenceFixtures.mp4().length);
  }
}
