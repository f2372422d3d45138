package cn.gov.enforcement.recording.inspection;

import static cn.gov.enforcement.recording.EvidenceFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gov.enforcement.platform.MinimumProcessCoverage;
import cn.gov.enforcement.recording.EvidenceFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * recording-playback-check (REC-14, YX 全过程 第二十二条): on its cycle a random sample per unit of the
 * last period's recordings goes to the section head, one 回放检查 task per recording; each finding
 * goes into the append-only, audited inspection ledger, which has a page and a CSV export.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlaybackCheckProcessTest {

  static final String KEY = RecordingPlaybackCheckModel.PROCESS_KEY;

  @RegisterExtension
  static final MinimumProcessCoverage COVERAGE = new MinimumProcessCoverage(KEY, 0.9);

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired org.camunda.bpm.engine.HistoryService historyService;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlaybackLedger ledger;
  @Autowired InspectionProperties properties;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }


  /** A recording of {@code unit} ending a minute before {@code instant} (engine clock moved there). */
  private String recordedAt(String instant, String unit) {
    at(instant);
    Map<String, String> fields = EvidenceFixtures.justRecorded("ONSITE_INSPECTION");
    fields.put("unit", unit);
    return EvidenceFixtures.uploadId(rest, "officer1", fields, EvidenceFixtures.mp4());
  }

  /** Fires the timer start (as the job executor would at its due date) and returns the instance it started. */
  private ProcessInstance fireCycle(String instant) {
    String started = fire(instant);
    return runtimeService.createProcessInstanceQuery().processInstanceId(started).singleResult();
  }

  /** The id of the instance the timer started (it may have ended at once). */
  private String fire(String instant) {
    at(instant);
    Set<String> before = new HashSet<>();
    historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).list()
        .forEach(pi -> before.add(pi.getId()));
    Job timer = managementService.createJobQuery().processDefinitionKey(KEY).timers().singleResult();
    managementService.executeJob(timer.getId());
    List<String> started = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).list().stream()
        .map(org.camunda.bpm.engine.history.HistoricProcessInstance::getId).filter(id -> !before.contains(id)).toList();
    assertThat(started).hasSize(1);
    return started.get(0);
  }

  private List<Task> tasks(ProcessInstance pi) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(RecordingPlaybackCheckModel.TASK_PLAYBACK_CHECK).list();
  }

  private void pass(Task task) {
    if (task.getAssignee() == null) {
      taskService.claim(task.getId(), "head1");
    }
    taskService.complete(task.getId(), Map.of(PlaybackFindingRecord.RESULT, "PASS"));
  }

  private String recordingOf(Task task) {
    return (String) taskService.getVariable(task.getId(), PlaybackTaskSetup.RECORDING_ID);
  }

  @Test
  @DisplayName("REC-14 the timer start runs on the configured cycle (inspection.playback.cycle, default the 1st of each month)")
  void timerFromConfiguration() {
    assertThat(properties.playback().cycle()).isEqualTo("0 0 9 1 * ?");
    Job timer = managementService.createJobQuery().processDefinitionKey(KEY).timers().singleResult();
    assertThat(timer).isNotNull();
    java.time.ZonedDateTime due = timer.getDuedate().toInstant().atZone(java.time.ZoneId.systemDefault());
    assertThat(due.getDayOfMonth()).isEqualTo(1);
    assertThat(due.getHour()).isEqualTo(9);
  }

  @Test
  @DisplayName("REC-14 sampling: per unit at most sample-size recordings of the last month (Beijing), drawn from that period only, each as a 回放检查 task for the section head; a smaller unit is checked whole")
  void samplesThePeriodPerUnit() {
    String unit = "回放抽查测试中队" + System.nanoTime();
    String small = "回放抽查小队" + System.nanoTime();
    List<String> inPeriod = new ArrayList<>();
    for (int day = 2; day <= 6; day++) {
      inPeriod.add(recordedAt("2031-04-0" + day + "T02:00:00Z", unit));
    }
    String firstMinute = recordedAt("2031-03-31T16:01:05Z", unit); // 00:00:02 Beijing, 1 Apr: in the period
    inPeriod.add(firstMinute);
    String march = recordedAt("2031-03-31T15:59:00Z", unit);        // 23:57 Beijing, 31 Mar: before
    String may = recordedAt("2031-04-30T16:02:00Z", unit);          // 00:00:57 Beijing, 1 May: after
    String onlyOne = recordedAt("2031-04-15T02:00:00Z", small);

    ProcessInstance pi = fireCycle("2031-05-01T01:00:00Z");         // 09:00 Beijing, 1 May
    assertThat(pi).isWaitingAt(RecordingPlaybackCheckModel.TASK_PLAYBACK_CHECK);
    List<String> sampled = new ArrayList<>();
    for (Task task : tasks(pi)) {
      sampled.add(recordingOf(task));
      assertThat(task.getName()).startsWith("回放检查：");
      assertThat(taskService.getIdentityLinksForTask(task.getId())).anyMatch(l -> "section-head".equals(l.getGroupId()));
      assertThat((String) taskService.getVariable(task.getId(), PlaybackTaskSetup.DESCRIPTION)).contains("设备编号");
    }
    List<String> ofUnit = sampled.stream().filter(inPeriod::contains).toList();
    assertThat(ofUnit).hasSize(properties.playback().sampleSize()).doesNotHaveDuplicates();
    assertThat(sampled).doesNotContain(march, may).contains(onlyOne);
    assertThat((String) runtimeService.getVariable(pi.getId(), DrawPlaybackSampleDelegate.SUMMARY))
        .contains("2031-04-01 至 2031-04-30").contains(unit + " 3/6 件").contains(small + " 1/1 件");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'PLAYBACK_SAMPLE' AND target = ?",
        Integer.class, pi.getId())).isEqualTo(1);
    tasks(pi).forEach(this::pass);
    assertThat(pi).isEnded().hasPassed(RecordingPlaybackCheckModel.EVENT_PLAYBACK_CHECKED);
  }

  @Test
  @DisplayName("REC-14 the draw is random and fair: no repetition, every recording of a unit can be drawn, all of a unit smaller than the sample")
  void drawIsRandom() {
    Map<String, List<String>> candidates = new TreeMap<>(Map.of("甲", List.of("a", "b", "c", "d", "e"), "乙", List.of("x")));
    Map<String, Integer> seen = new HashMap<>();
    for (int seed = 0; seed < 200; seed++) {
      Map<String, List<String>> drawn = PlaybackRules.draw(candidates, 2, new Random(seed));
      assertThat(drawn.get("甲")).hasSize(2).doesNotHaveDuplicates().isSubsetOf(candidates.get("甲"));
      assertThat(drawn.get("乙")).containsExactly("x");
      drawn.get("甲").forEach(id -> seen.merge(id, 1, Integer::sum));
    }
    // each of five is drawn with probability 2/5: about 80 times in 200 draws, never near 0 or 200
    assertThat(seen).containsOnlyKeys("a", "b", "c", "d", "e");
    assertThat(seen.values()).allMatch(n -> n > 40 && n < 120);
  }

  @Test
  @DisplayName("REC-14 a period without recordings: the check ends at once, no task, no ledger row")
  void nothingToCheck() {
    String id = fire("2033-09-01T01:00:00Z");
    var done = historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
    assertThat(done.getEndTime()).isNotNull();
    assertThat(done.getEndActivityId()).isEqualTo(RecordingPlaybackCheckModel.EVENT_NOTHING_TO_CHECK);
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(id).count()).isZero();
    assertThat(ledger.ofCheck(id)).isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(id).count()).isZero();
  }

  @Test
  @SuppressWarnings("rawtypes")
  @DisplayName("REC-14 findings go into the ledger: 合格 and 存在问题 with its problem, who (the server's: the doer) and when (engine clock); the assignee may play the recording back; a problem without its text is refused and nothing recorded")
  void findingsGoIntoTheLedger() {
    String unit = "台账测试中队" + System.nanoTime();
    String a = recordedAt("2031-07-10T02:00:00Z", unit);
    String b = recordedAt("2031-07-11T02:00:00Z", unit);
    ProcessInstance pi = fireCycle("2031-08-01T01:00:00Z");
    Map<String, Task> byRecording = new HashMap<>();
    tasks(pi).forEach(t -> byRecording.put(recordingOf(t), t));
    assertThat(byRecording).containsKeys(a, b);

    // before the section head takes the task there is no grant; taking it grants viewing of this recording only
    assertThat(rest.withBasicAuth("head1", "demo").exchange("/api/recordings/{id}/content", HttpMethod.GET, null,
        byte[].class, a).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    at("2031-08-02T01:00:00Z");
    taskService.claim(byRecording.get(a).getId(), "head1");
    assertThat(rest.withBasicAuth("head1", "demo").exchange("/api/recordings/{id}/content", HttpMethod.GET, null,
        byte[].class, a).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.withBasicAuth("head1", "demo").exchange("/api/recordings/{id}/content", HttpMethod.GET, null,
        byte[].class, b).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    Task taskB = byRecording.get(b);
    taskService.claim(taskB.getId(), "head1");
    assertThatThrownBy(() -> taskService.complete(taskB.getId(), Map.of(PlaybackFindingRecord.RESULT, "PROBLEM")))
        .hasMessageContaining("playbackProblem");
    assertThatThrownBy(() -> taskService.complete(taskB.getId(), Map.of(PlaybackFindingRecord.RESULT, "OK")))
        .hasMessageContaining("playbackResult");
    assertThat(ledger.ofCheck(pi.getId())).isEmpty();

    taskService.complete(byRecording.get(a).getId(), Map.of(PlaybackFindingRecord.RESULT, "PASS",
        PlaybackFindingRecord.PROBLEM_TEXT, "（不应记入）"));
    at("2031-08-03T01:30:00Z");
    taskService.complete(taskB.getId(), Map.of(PlaybackFindingRecord.RESULT, "PROBLEM",
        PlaybackFindingRecord.PROBLEM_TEXT, "=执法人员未出示证件；录像中断 2 分钟未说明"));
    List<LedgerEntry> rows = ledger.ofCheck(pi.getId()).stream().filter(e -> List.of(a, b).contains(e.recordingId())).toList();
    assertThat(rows).extracting(LedgerEntry::recordingId, LedgerEntry::result, LedgerEntry::problem,
        LedgerEntry::checkedBy, LedgerEntry::unit)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(a, "PASS", null, "head1", unit),
            org.assertj.core.groups.Tuple.tuple(b, "PROBLEM", "=执法人员未出示证件；录像中断 2 分钟未说明", "head1", unit));
    assertThat(rows.get(1).checkedAt()).isEqualTo(Instant.parse("2031-08-03T01:30:00Z"));
    assertThat(rows.get(0).periodStart()).isEqualTo(Instant.parse("2031-06-30T16:00:00Z"));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'PLAYBACK_FINDING' AND target IN (?, ?)",
        Integer.class, a, b)).isEqualTo(2);
    tasks(pi).forEach(this::pass);
    assertThat(pi).isEnded();

    // the page's API and the export
    List<?> listed = rest.withBasicAuth("supervisor1", "demo").getForObject("/api/playback-ledger?year=2031&month=8", List.class);
    assertThat(listed).anyMatch(r -> b.equals(((Map) r).get("recordingId")) && "存在问题".equals(((Map) r).get("resultName")));
    ResponseEntity<byte[]> csv = rest.withBasicAuth("head1", "demo").getForEntity("/api/playback-ledger/export?year=2031&month=8",
        byte[].class);
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("playback-ledger-2031-8.csv");
    String text = new String(csv.getBody(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF\"序号\",\"检查时间\"").contains(b).contains("\"存在问题\"")
        // a cell that starts with = is not run as a formula by a spreadsheet
        .contains("\"'=执法人员未出示证件；录像中断 2 分钟未说明\"");
  }

  @Test
  @SuppressWarnings("rawtypes")
  @DisplayName("REC-14 the ledger is append-only: the database refuses UPDATE and DELETE, the API has no write (405); officers and auxiliary staff may not read it (403); a bad month is a bilingual 400")
  void ledgerIsAppendOnly() {
    String id = recordedAt("2031-10-10T02:00:00Z", "只追加测试中队" + System.nanoTime());
    LedgerEntry entry = ledger.append(id, "test-instance", Instant.parse("2031-09-30T16:00:00Z"),
        Instant.parse("2031-10-31T16:00:00Z"), "只追加测试中队", LedgerEntry.PROBLEM, "原问题", "head1");
    assertThatThrownBy(() -> jdbc.update("UPDATE recording_playback_ledger SET result = 'PASS', problem = NULL WHERE seq = ?",
        entry.seq())).satisfies(PlaybackCheckProcessTest::refusedByTheDatabase);
    assertThatThrownBy(() -> jdbc.update("DELETE FROM recording_playback_ledger WHERE seq = ?", entry.seq()))
        .satisfies(PlaybackCheckProcessTest::refusedByTheDatabase);
    assertThat(ledger.ofCheck("test-instance")).extracting(LedgerEntry::result).containsExactly(LedgerEntry.PROBLEM);
    for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
      assertThat(rest.withBasicAuth("head1", "demo").exchange("/api/playback-ledger", method, null, Map.class)
          .getStatusCode()).as(method.name()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    }
    for (String user : List.of("officer1", "aux1")) {
      ResponseEntity<Map> refused = rest.withBasicAuth(user, "demo").getForEntity("/api/playback-ledger/export", Map.class);
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat((String) refused.getBody().get("message")).contains("检查台账").contains("ledger");
    }
    ResponseEntity<Map> bad = rest.withBasicAuth("head1", "demo").getForEntity("/api/playback-ledger?year=2031&month=13", Map.class);
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) bad.getBody().get("message")).contains("month").contains("整数");
    assertThat(rest.getForEntity("/api/playback-ledger", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  @DisplayName("REC-14 the ledger page shows the ledger and its export through /api/playback-ledger")
  void ledgerPage() {
    String page = rest.getForObject("/playback-ledger.html", String.class);
    assertThat(page).contains("回放检查台账", "导出 CSV", "/api/playback-ledger?", "/api/playback-ledger/export?");
  }

  @Test
  @SuppressWarnings("rawtypes")
  @DisplayName("REC-14 attack: completing a 回放检查 through engine-rest with another recording's id or a forged period is refused (400, not a field of the form); writing the variable around the form is refused; the row is the sampled recording's, by the caller")
  void forgedVariablesOnComplete() {
    String unit = "伪造测试中队" + System.nanoTime();
    String sampled = recordedAt("2031-11-10T02:00:00Z", unit);
    String other = recordedAt("2031-12-10T02:00:00Z", unit + "乙"); // not in the period
    ProcessInstance pi = fireCycle("2031-12-01T01:00:00Z");
    Task task = tasks(pi).stream().filter(t -> sampled.equals(recordingOf(t))).findFirst().orElseThrow();
    var head = rest.withBasicAuth("head1", "demo");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    assertThat(head.postForEntity("/engine-rest/task/" + task.getId() + "/claim",
        new HttpEntity<>("{\"userId\":\"head1\"}", headers), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    String body = "{\"variables\":{\"playbackResult\":{\"value\":\"PASS\"},"
        + "\"playbackRecordingId\":{\"value\":\"" + other + "\"},"
        + "\"playbackPeriodStart\":{\"value\":\"2000-01-01T00:00:00.000+0000\",\"type\":\"Date\"}}}";
    ResponseEntity<String> completed = head.postForEntity("/engine-rest/task/" + task.getId() + "/complete",
        new HttpEntity<>(body, headers), String.class);
    assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(completed.getBody()).contains("不是本表单的字段").contains("playbackRecordingId");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    // around the form: writing the variable directly, on the task or its instance
    HttpEntity<String> forged = new HttpEntity<>("{\"value\":\"" + other + "\",\"type\":\"String\"}", headers);
    for (String path : List.of("/engine-rest/task/" + task.getId() + "/variables/playbackRecordingId",
        "/engine-rest/task/" + task.getId() + "/localVariables/playbackRecordingId",
        "/engine-rest/process-instance/" + pi.getId() + "/variables/playbackRecordingId",
        "/engine-rest/execution/" + task.getExecutionId() + "/localVariables/playbackRecordingId")) {
      assertThat(head.exchange(path, HttpMethod.PUT, forged, String.class).getStatusCode().is2xxSuccessful()).as(path).isFalse();
    }
    assertThat(recordingOf(task)).isEqualTo(sampled);
    taskService.complete(task.getId(), Map.of(PlaybackFindingRecord.RESULT, "PASS"));
    assertThat(ledger.ofCheck(pi.getId())).noneMatch(e -> e.recordingId().equals(other))
        .extracting(LedgerEntry::recordingId, LedgerEntry::checkedBy)
        .contains(org.assertj.core.groups.Tuple.tuple(sampled, "head1"));
    tasks(pi).forEach(this::pass);
  }

  /**
   * Refused by the database: the append-only trigger (H2; PostgreSQL when connected as the owner) or,
   * on PostgreSQL as the application role, the missing UPDATE/DELETE privilege before the trigger.
   */
  static void refusedByTheDatabase(Throwable thrown) {
    assertThat(thrown).isInstanceOf(org.springframework.dao.DataAccessException.class);
    EvidenceFixtures.refusedByTheDatabase(thrown);
  }
}
