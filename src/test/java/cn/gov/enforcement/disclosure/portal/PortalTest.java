package cn.gov.enforcement.disclosure.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.disclosure.AdvanceDisclosureModel;
import cn.gov.enforcement.disclosure.DisclosureModel;
import cn.gov.enforcement.identity.AuxiliaryStaffRegister;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public portal (issue #18) read through HTTP without login, after the procedures published:
 * what appears, what never does, and when it leaves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired AuxiliaryStaffRegister auxiliaryRegister;
  @Autowired JdbcClient jdbc;
  @Autowired PortalRateLimit rateLimit;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T02:00:00Z")));
    rateLimit.reset();
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    rateLimit.reset();
  }

  // ---- helpers -------------------------------------------------------------------------------

  private ProcessInstance startDisclosure(String decisionNumber, String party, String partyType) {
    String caseNumber = "云建罚〔2026〕" + UUID.randomUUID().toString().substring(0, 8);
    return runtimeService.startProcessInstanceByKey(DisclosureModel.PROCESS_KEY, caseNumber, Map.of(
        "disclosureType", "PENALTY", "caseNumber", caseNumber, "decisionNumber", decisionNumber,
        "decidedOn", "2026-03-02", "partyName", party, "partyType", partyType, "disclosureSummary", "罚款"));
  }

  private Task task(ProcessInstance pi, String key) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  private void prepareAndApprove(ProcessInstance pi, String facts) {
    taskService.complete(task(pi, DisclosureModel.TASK_PREPARE_DISCLOSURE).getId(), Map.of("resultFacts", facts,
        "resultBasis", "《城市市容和环境卫生管理条例》第三十六条", "resultOutcome", "罚款五百元", "contentExcluded", false));
    taskService.complete(task(pi, DisclosureModel.TASK_REVIEW_DISCLOSURE).getId(), Map.of("contentApproved", true, "disclosureReviewOpinion", "同意"));
  }

  private void publish(ProcessInstance pi) {
    taskService.complete(task(pi, DisclosureModel.TASK_PUBLISH_RESULT).getId(), Map.of("publicationUrl", "https://www.example.gov.cn/gs"));
  }

  private String publicId(ProcessInstance pi) {
    return jdbc.sql("SELECT public_id FROM portal_result WHERE process_instance = ?").param(pi.getId()).query(String.class).single();
  }

  private ResponseEntity<String> get(String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.9");
    return rest.exchange(URI.create(rest.getRootUri() + path), HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  private static String q(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  // ---- tests ---------------------------------------------------------------------------------

  @Test
  @DisplayName("PUB-01 PUB-02 PUB-07 a result appears only once the legal unit approved and the office published it, as PUB-02 items; a natural person is 张某, an identity number never shown; search by decision number or party; Chinese for an en-US browser")
  void publishedResultStructuredAndMasked() {
    String number = "云建罚决〔2026〕" + UUID.randomUUID().toString().substring(0, 6) + "号";
    ProcessInstance pi = startDisclosure(number, "张三丰", "NATURAL_PERSON");
    assertThat(get("/public/api/results?q=" + q(number)).getBody()).contains("\"results\":[]");
    prepareAndApprove(pi, "张三丰（身份证号 330123199001011234，电话 13812345678）占道经营");
    // reviewed, not yet published: still nowhere
    assertThat(get("/public/api/results?q=" + q(number)).getBody()).contains("\"results\":[]");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM portal_result WHERE process_instance = ?").param(pi.getId()).query(Long.class).single()).isZero();
    publish(pi);

    ResponseEntity<String> list = get("/public/api/results?q=" + q(number));
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(list.getBody()).contains(number, "\"party\":\"张某\"", "违法事实", "处罚依据", "处罚结果", "罚款五百元", "2026-03-02")
        .doesNotContain("张三丰", "330123199001011234", "13812345678", pi.getId());
    String id = publicId(pi);
    assertThat(id).matches("[0-9a-f]{24}");
    ResponseEntity<String> page = get("/public/results/" + id);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getHeaders().getFirst(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("zh-CN");
    assertThat(page.getBody()).contains("<html lang=\"zh-CN\">", "行政处罚结果公示", "决定书文号", number, "张某（身份证号",
        "[身份证号码不予公开]").doesNotContain("张三丰", "330123199001011234", "Not Found", "Exception");
    // PUB-07: by party (as published) and by decision number, HTML and JSON
    assertThat(get("/public/results?q=" + q("张某")).getBody()).contains(id);
    assertThat(get("/public/results?q=" + q(number)).getBody()).contains(id, "共 1 条");
    assertThat(get("/public/api/results/" + id).getBody()).contains("\"decisionNumber\":\"" + number + "\"");
  }

  @Test
  @DisplayName("PUB-04 a natural person's result leaves the portal at the end of 2 years, before anyone approves the withdrawal; a legal person's stays 5 years")
  void withdrawnAtPeriodEnd() {
    ProcessInstance person = startDisclosure("云建罚决〔2026〕P" + UUID.randomUUID().toString().substring(0, 6), "李四", "NATURAL_PERSON");
    ProcessInstance company = startDisclosure("云建罚决〔2026〕C" + UUID.randomUUID().toString().substring(0, 6), "某某建材有限公司", "LEGAL_PERSON");
    for (ProcessInstance pi : List.of(person, company)) {
      prepareAndApprove(pi, "占道经营");
      publish(pi);
    }
    String personId = publicId(person);
    String companyId = publicId(company);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2028-03-02T15:59:00Z"))); // 23:59 Beijing, last day
    assertThat(get("/public/api/results/" + personId).getStatusCode()).isEqualTo(HttpStatus.OK);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2028-03-02T16:00:01Z")));
    assertThat(get("/public/api/results/" + personId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("/public/results/" + personId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("/public/api/results").getBody()).doesNotContain(personId).contains(companyId);
    assertThat(task(person, DisclosureModel.TASK_APPROVE_WITHDRAWAL)).as("the timer has not even run yet").isNull();
    // the timer and the director's approval follow; the item stays gone
    managementService.executeJob(managementService.createJobQuery().processInstanceId(person.getId()).timers().singleResult().getId());
    taskService.complete(task(person, DisclosureModel.TASK_APPROVE_WITHDRAWAL).getId(), Map.of("withdrawalApproved", true, "withdrawalOpinion", "同意"));
    assertThat(jdbc.sql("SELECT withdrawal_kind FROM portal_result WHERE public_id = ?").param(personId).query(String.class).single())
        .isEqualTo("PERIOD_ENDED");
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-03-02T16:00:01Z")));
    assertThat(get("/public/api/results/" + companyId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  @DisplayName("PUB-05 PUB-03 a revoked decision leaves the portal when the notice is registered; entirely withheld content is never published; no id reaches what the query refuses (id guessing)")
  void revokedWithheldAndGuessedIds() {
    ProcessInstance revoked = startDisclosure("云建罚决〔2026〕R" + UUID.randomUUID().toString().substring(0, 6), "某某公司", "LEGAL_PERSON");
    prepareAndApprove(revoked, "占道经营");
    publish(revoked);
    String revokedId = publicId(revoked);
    assertThat(get("/public/api/results/" + revokedId).getStatusCode()).isEqualTo(HttpStatus.OK);
    runtimeService.createMessageCorrelation(DisclosureModel.MESSAGE_DECISION_REVOKED).processInstanceId(revoked.getId())
        .setVariable("revocationType", "REVOKED").setVariable("revocationExplanation", "经行政复议撤销").correlate();
    // gone at once, while the explanation (Task_WithdrawRevoked) is still due within 3 days
    assertThat(task(revoked, DisclosureModel.TASK_WITHDRAW_REVOKED)).isNotNull();
    assertThat(get("/public/api/results/" + revokedId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("/public/results/" + revokedId).getBody()).contains("未找到").doesNotContain("占道经营");

    String withheldNumber = "云建罚决〔2026〕W" + UUID.randomUUID().toString().substring(0, 6);
    ProcessInstance withheld = startDisclosure(withheldNumber, "王五", "NATURAL_PERSON");
    taskService.complete(task(withheld, DisclosureModel.TASK_PREPARE_DISCLOSURE).getId(), Map.of("resultFacts", "涉及未成年人", "resultBasis", "……",
        "resultOutcome", "……", "contentExcluded", true, "exclusionGround", "PRIVACY", "exclusionReason", "未成年人个人信息",
        "withheldEntirely", true));
    taskService.complete(task(withheld, DisclosureModel.TASK_REVIEW_DISCLOSURE).getId(), Map.of("contentApproved", true,
        "exclusionReasonApproved", true, "disclosureReviewOpinion", "理由成立"));
    assertThat(get("/public/api/results?q=" + q(withheldNumber)).getBody()).contains("\"results\":[]");

    // a confidential row (a second wall: the procedures never write one) is refused by the same query
    String confidentialId = PortalStore.newPublicId();
    jdbc.sql("INSERT INTO portal_result (public_id, process_instance, disclosure_type, decision_number, party_name, party_type, "
            + "decided_on, items, confidential, published_at, visible_until) VALUES (?, ?, 'PENALTY', ?, '某公司', 'LEGAL_PERSON', "
            + "'2026-03-02', '{}', TRUE, ?, ?)")
        .params(confidentialId, "test-" + UUID.randomUUID(), "云建罚决〔2026〕秘", java.sql.Timestamp.from(Instant.parse("2026-03-01T00:00:00Z")),
            java.sql.Timestamp.from(Instant.parse("2030-01-01T00:00:00Z"))).update();
    for (String guess : List.of(revokedId, confidentialId, revoked.getId(), withheld.getId(), "000000000000000000000000",
        revokedId.toUpperCase(), revokedId + "%20", "..%2f..%2fengine-rest", "1%27%20OR%20%271%27=%271")) {
      assertThat(get("/public/api/results/" + guess).getStatusCode()).as(guess).isIn(HttpStatus.NOT_FOUND, HttpStatus.BAD_REQUEST);
      assertThat(get("/public/results/" + guess).getStatusCode()).as(guess).isIn(HttpStatus.NOT_FOUND, HttpStatus.BAD_REQUEST);
    }
    assertThat(get("/public/api/results?q=" + q("云建罚决〔2026〕秘")).getBody()).doesNotContain(confidentialId);
  }

  @Test
  @DisplayName("PUB-06 PUB-01 advance disclosure appears only after the legal unit's review (advance-disclosure); returned content is revised first; a withdrawal takes it off")
  void advanceDisclosureReviewed() {
    String title = "行政处罚裁量基准 " + UUID.randomUUID().toString().substring(0, 6);
    identityService.setAuthentication("records1", List.of("records-office"));
    ProcessInstance pi;
    try {
      pi = runtimeService.startProcessInstanceByKey(AdvanceDisclosureModel.PROCESS_KEY, Map.of("advanceSection", "LEGAL_BASIS",
          "advanceTitle", title, "advanceAction", "PUBLISH", "advanceBody", "占道经营：首次违法，责令改正<script>alert(1)</script>"));
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(get("/public").getBody()).doesNotContain(title);
    Task review = task(pi, AdvanceDisclosureModel.TASK_REVIEW_ADVANCE);
    assertThat(taskService.getIdentityLinksForTask(review.getId())).anyMatch(l -> "legal-affairs".equals(l.getGroupId()));
    taskService.complete(review.getId(), Map.of("advanceApproved", false, "advanceReviewOpinion", "补充裁量档次"));
    Task revise = task(pi, AdvanceDisclosureModel.TASK_REVISE_ADVANCE);
    assertThat(revise.getAssignee()).isEqualTo("records1");
    assertThat(get("/public").getBody()).doesNotContain(title);
    taskService.complete(revise.getId(), Map.of("advanceTitle", title,
        "advanceBody", "占道经营：首次违法，责令改正；再次违法，罚款<script>alert(1)</script>"));
    taskService.complete(task(pi, AdvanceDisclosureModel.TASK_REVIEW_ADVANCE).getId(), Map.of("advanceApproved", true, "advanceReviewOpinion", "同意"));
    String home = get("/public").getBody();
    assertThat(home).contains(title, "执法依据及裁量基准", "再次违法", "&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
    assertThat(get("/public/api/advance").getBody()).contains(title);

    identityService.setAuthentication("records1", List.of("records-office"));
    ProcessInstance withdrawal;
    try {
      withdrawal = runtimeService.startProcessInstanceByKey(AdvanceDisclosureModel.PROCESS_KEY, Map.of("advanceSection", "LEGAL_BASIS",
          "advanceTitle", title, "advanceAction", "WITHDRAW"));
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(get("/public").getBody()).contains(title);
    taskService.complete(task(withdrawal, AdvanceDisclosureModel.TASK_REVIEW_ADVANCE).getId(), Map.of("advanceApproved", true, "advanceReviewOpinion", "同意撤下"));
    assertThat(get("/public").getBody()).doesNotContain(title);
  }

  @Test
  @DisplayName("PUB-01 ACC-03 nobody reviews the advance disclosure they drafted")
  void advanceNoSelfReview() {
    identityService.setAuthentication("legal1", List.of("legal-affairs"));
    try {
      ProcessInstance pi = runtimeService.startProcessInstanceByKey(AdvanceDisclosureModel.PROCESS_KEY, Map.of("advanceSection", "REMEDIES",
          "advanceTitle", "行政复议", "advanceAction", "PUBLISH", "advanceBody", "可在六十日内申请行政复议"));
      Task review = task(pi, AdvanceDisclosureModel.TASK_REVIEW_ADVANCE);
      assertThatThrownBy(() -> taskService.claim(review.getId(), "legal1")).isInstanceOf(RuntimeException.class);
      assertThat(task(pi, AdvanceDisclosureModel.TASK_REVIEW_ADVANCE).getAssignee()).isNull();
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  @DisplayName("AUX-05 PUB-06 the officers with certificate numbers and the auxiliary staff (post, work card, officer assisted) come from the identity store, current as people join and leave")
  void staffListsFollowIdentity() {
    String officers = get("/public/api/officers").getBody();
    assertThat(officers).contains("33112300005", "张执法员").doesNotContain("aux1", "周协管员", "@bureau.example");
    String aux = get("/public/api/auxiliary-staff").getBody();
    assertThat(aux).contains("周协管员", "YXFZ-2026-001", "执法一中队", "张执法员", "33112300005").doesNotContain("aux1\"", "@");
    assertThat(get("/public/api/auxiliary-staff?q=YXFZ-2026-001").getBody()).contains("周协管员");
    assertThat(get("/public/api/auxiliary-staff?q=" + q("不存在的人")).getBody()).doesNotContain("周协管员");

    String id = "auxtest" + UUID.randomUUID().toString().substring(0, 6);
    User user = identityService.newUser(id);
    user.setFirstName("钱");
    user.setLastName("新辅助");
    user.setPassword("x-" + UUID.randomUUID());
    identityService.saveUser(user);
    identityService.createMembership(id, "auxiliary-staff");
    auxiliaryRegister.register(id, "巡查辅助", "YXFZ-2026-099", null, "执法二中队");
    assertThat(get("/public/staff").getBody()).contains("钱新辅助", "YXFZ-2026-099", "执法二中队");
    identityService.deleteMembership(id, "auxiliary-staff");
    assertThat(get("/public/staff").getBody()).doesNotContain("钱新辅助");
    identityService.deleteUser(id);
  }

  @Test
  @DisplayName("DEC-18 DEC-15 the adopted yearly catalogue and the published major decisions are on the portal; a confidential one is not")
  void catalogueAndDecisions() {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("director1", "demo");
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    ResponseEntity<String> adopted = rest.exchange("/api/decision-catalogue/2031", HttpMethod.PUT, new HttpEntity<>(
        "{\"items\":[{\"title\":\"老城区停车收费调整\",\"category\":\"FEE_OR_PRICE\"}]}", headers), String.class);
    assertThat(adopted.getStatusCode()).as(adopted.getBody()).isEqualTo(HttpStatus.OK);
    ClockUtil.setCurrentTime(new Date());
    String title = "城区夜市设置方案 " + UUID.randomUUID().toString().substring(0, 6);
    String secret = "涉密事项 " + UUID.randomUUID().toString().substring(0, 6);
    PortalStore store = new PortalStore(jdbc);
    store.publishDecision("test-" + UUID.randomUUID(), title, "OTHER", "市容科", "2031-01", "2031-02-01", "通过", "门户网站", false);
    store.publishDecision("test-" + UUID.randomUUID(), secret, "OTHER", "市容科", null, "2031-02-01", "通过", "门户网站", true);
    String page = get("/public/decisions").getBody();
    assertThat(page).contains("2031 年度", "2031-01", "老城区停车收费调整", "收费与政府定价", title).doesNotContain(secret);
    assertThat(get("/public/api/decisions").getBody()).contains("老城区停车收费调整", title).doesNotContain(secret);
  }
}
