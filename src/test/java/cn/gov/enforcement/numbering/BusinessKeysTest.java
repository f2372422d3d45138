package cn.gov.enforcement.numbering;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.casework.EnforcementCaseModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * contract.md "Business keys": a procedure started from Tasklist (no business key) gets a number
 * people can read, taken from a per-year counter that never gives a number twice, also when two
 * transactions ask at once (on PostgreSQL too: the same test runs in the PostgreSQL suite).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BusinessKeysTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired org.camunda.bpm.engine.TaskService taskService;
  @Autowired DocumentNumbers numbers;
  @Autowired TransactionTemplate transactions;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("contract business keys: a major decision started in Tasklist is numbered 重大决策〔year〕N号, its business key and decisionNumber")
  void majorDecisionNumbered() {
    ResponseEntity<Map> started = rest.withBasicAuth("head1", "demo").postForEntity(
        "/engine-rest/process-definition/key/major-decision/submit-form", Map.of("variables", Map.of(
            "title", Map.of("value", "城区占道经营整治方案"), "category", Map.of("value", "PLANNING"),
            "proposedBy", Map.of("value", "UNIT"), "proposer", Map.of("value", "市容科"),
            "proposalSummary", Map.of("value", "整治方案"))), Map.class);
    assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processInstanceId((String) started.getBody().get("id")).singleResult();
    int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
    assertThat(instance.getBusinessKey()).matches("重大决策〔" + year + "〕[1-9][0-9]*号");
    assertThat(runtimeService.getVariable(instance.getId(), "decisionNumber")).isEqualTo(instance.getBusinessKey());
    runtimeService.deleteProcessInstance(instance.getId(), "test");
  }

  @Test
  @DisplayName("contract business keys: a recording access request started in Tasklist is numbered 音像调阅〔year〕N号 (business key and requestNumber)")
  void accessRequestNumbered() {
    ResponseEntity<Map> started = rest.withBasicAuth("officer1", "demo").postForEntity(
        "/engine-rest/process-definition/key/recording-access/submit-form", Map.of("variables", Map.of(
            "purpose", Map.of("value", "INTERNAL"), "requestingParty", Map.of("value", "法规科"),
            "reason", Map.of("value", "案件复核"))), Map.class);
    assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processInstanceId((String) started.getBody().get("id")).singleResult();
    assertThat(instance.getBusinessKey()).matches("音像调阅〔\\d{4}〕[1-9][0-9]*号");
    assertThat(runtimeService.getVariable(instance.getId(), "requestNumber")).isEqualTo(instance.getBusinessKey());
    runtimeService.deleteProcessInstance(instance.getId(), "test");
  }

  @Test
  @DisplayName("contract business keys CASE-01: the proposed case number becomes the case's business key; a number another case carries is refused with 400 naming caseNumber")
  void caseNumberIsTheBusinessKey() {
    String number = "永城管立〔2026〕" + UUID.randomUUID().toString().substring(0, 8) + "号";
    String first = startCase();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(first).singleResult().getBusinessKey()).isNull();
    assertThat(propose(first, number).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(first).singleResult().getBusinessKey()).isEqualTo(number);

    String second = startCase();
    ResponseEntity<Map> refused = propose(second, number);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(String.valueOf(refused.getBody())).contains("caseNumber").contains("已用于另一案件").contains("already used");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(second).singleResult().getBusinessKey()).isNull();
    assertThat(taskService.createTaskQuery().processInstanceId(second).taskDefinitionKey(EnforcementCaseModel.TASK_PROPOSE_FILING).count()).isOne();
    runtimeService.deleteProcessInstance(first, "test");
    runtimeService.deleteProcessInstance(second, "test");
  }

  private String startCase() {
    ResponseEntity<Map> started = rest.withBasicAuth("officer1", "demo").postForEntity(
        "/engine-rest/process-definition/key/enforcement-case/submit-form", Map.of("variables", Map.of(
            "source", Map.of("value", "INSPECTION"), "partyName", Map.of("value", "某某建材有限公司"),
            "partyType", Map.of("value", "LEGAL_PERSON"), "partyAddress", Map.of("value", "云和县某路 1 号"),
            "cause", Map.of("value", "未经许可擅自施工"), "clueDescription", Map.of("value", "巡查发现"))), Map.class);
    assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
    return (String) started.getBody().get("id");
  }

  private ResponseEntity<Map> propose(String instance, String number) {
    String task = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(EnforcementCaseModel.TASK_PROPOSE_FILING)
        .singleResult().getId();
    rest.withBasicAuth("officer1", "demo").postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", "officer1"),
        Void.class, task);
    return rest.withBasicAuth("officer1", "demo").postForEntity("/engine-rest/task/{id}/submit-form",
        Map.of("variables", Map.of("caseNumber", Map.of("value", number), "filingFacts", Map.of("value", "现场照片"),
            "suspectedViolation", Map.of("value", "《建筑法》第七条"), "filingOpinion", Map.of("value", "建议立案"))),
        Map.class, task);
  }

  @Test
  @DisplayName("contract business keys: numbers run per prefix and Beijing year; the first minutes of 1 January Beijing time are the new year")
  void perPrefixAndYear() {
    String prefix = "测试" + UUID.randomUUID().toString().substring(0, 6);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-12-31T15:30:00Z"))); // 23:30 in Beijing
    assertThat(take(prefix)).isEqualTo(prefix + "〔2027〕1号");
    assertThat(take(prefix)).isEqualTo(prefix + "〔2027〕2号");
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-12-31T16:30:00Z"))); // 00:30 on 1 January 2028
    assertThat(take(prefix)).isEqualTo(prefix + "〔2028〕1号");
  }

  @Test
  @DisplayName("contract business keys: a rolled-back start does not use up a number")
  void rollbackGivesTheNumberBack() {
    String prefix = "回滚" + UUID.randomUUID().toString().substring(0, 6);
    assertThat(take(prefix)).endsWith("〕1号");
    transactions.executeWithoutResult(status -> {
      numbers.next(prefix);
      status.setRollbackOnly();
    });
    assertThat(take(prefix)).endsWith("〕2号");
  }

  @Test
  @DisplayName("contract business keys: eight transactions taking numbers at once, a new year's first among them, never get the same number")
  void concurrentNumbersAreDistinct() throws Exception {
    String prefix = "并发" + UUID.randomUUID().toString().substring(0, 6);
    int threads = 8;
    int each = 5;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    Set<String> taken = ConcurrentHashMap.newKeySet();
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < each; i++) {
            taken.add(take(prefix));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
    List<String> expected = new ArrayList<>();
    for (int n = 1; n <= threads * each; n++) {
      expected.add(prefix + "〔" + year + "〕" + n + "号");
    }
    assertThat(taken).containsExactlyInAnyOrderElementsOf(expected);
  }

  private String take(String prefix) {
    return transactions.execute(status -> numbers.next(prefix));
  }
}
