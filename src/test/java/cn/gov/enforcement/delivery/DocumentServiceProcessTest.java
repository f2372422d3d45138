package cn.gov.enforcement.delivery;

import cn.gov.enforcement.platform.ProcessTestSupport;
import static cn.gov.enforcement.platform.ProcessTestSupport.at;
import cn.gov.enforcement.platform.MinimumProcessCoverage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.gov.enforcement.recording.EvidenceFixtures;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.spin.Spin;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** document-service (文书送达): one test per path, the engine clock moved for the public-notice timer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DocumentServiceProcessTest {

  /** At least 90% of the model's flow nodes and sequence flows are covered by this class. */
  @org.junit.jupiter.api.extension.RegisterExtension
  static final MinimumProcessCoverage COVERAGE = new MinimumProcessCoverage(DocumentServiceModel.PROCESS_KEY, 0.9);

  static final String KEY = DocumentServiceModel.PROCESS_KEY;

  /** SVC-05: every other method inapplicable because the recipient cannot be found, with the explanation. */
  static final Object[] WHEREABOUTS_UNKNOWN = {"personalInapplicable", "WHEREABOUTS_UNKNOWN", "mailInapplicable", "WHEREABOUTS_UNKNOWN",
      "entrustedInapplicable", "WHEREABOUTS_UNKNOWN", "inapplicableExplanation", "经公安户籍、社区核实，受送达人下落不明"};

  @Autowired private ProcessEngine processEngine;
  @Autowired private TestRestTemplate rest;

  @BeforeEach
  void setUp() {
    init(processEngine);
    at("2026-03-02T02:00:00Z");
  }

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  /** Real media for the service's case, uploaded through the evidence API. */
  private String upload(ProcessInstance pi, String activity, byte[] media) {
    return EvidenceFixtures.uploadFor(rest, (String) runtimeService().getVariable(pi.getId(), "caseNumber"), activity, media);
  }

  private ProcessInstance start(String method, Object... more) {
    Map<String, Object> variables = new HashMap<>(Map.of(
        "caseNumber", "云建罚〔2026〕" + UUID.randomUUID().toString().substring(0, 6),
        "documentTitle", "行政处罚决定书",
        "recipientName", "某某建材有限公司",
        "recipientAddress", "云和县某路 1 号",
        "method", method));
    for (int i = 0; i < more.length; i += 2) {
      variables.put((String) more[i], more[i + 1]);
    }
    return runtimeService().startProcessInstanceByKey(KEY, "svc-" + UUID.randomUUID(), variables);
  }

  @Test
  @DisplayName("SVC-01 SVC-06 direct service: the recipient signs and dates the receipt; that date goes back as serviceDate")
  void directServiceSigned() {
    ProcessInstance pi = start("DIRECT");
    assertThat(pi).isWaitingAt(DocumentServiceModel.TASK_SERVE_DIRECTLY);
    assertThat(task(pi)).hasCandidateGroup("enforcement-officer");
    complete(task(pi), withVariables("served", true, "receiptSignedBy", "张三", "signerRelation", "RECIPIENT",
        "serviceDate", "2026-03-02", "servedBy", "officer1"));
    assertThat(pi).isEnded().hasPassedInOrder(DocumentServiceModel.TASK_CHECK_SERVICE_METHOD, DocumentServiceModel.TASK_SERVE_DIRECTLY, DocumentServiceModel.TASK_RECORD_SERVICE_DATE, DocumentServiceModel.EVENT_SERVED)
        .variables().containsEntry("serviceDate", "2026-03-02").containsEntry("serviceMethodUsed", "DIRECT")
        .containsEntry("attemptedMethods", "DIRECT");
  }

  @Test
  @DisplayName("SVC-02 REC-02 refused direct service becomes lodged service: reason, witness and the photo/video recording recording-requirement demands (PHOTO_OR_AV), picked from the store; none or audio only is refused")
  void refusedThenLodged() {
    ProcessInstance pi = start("DIRECT");
    complete(task(pi), withVariables("served", false, "recipientRefused", true, "servedBy", "officer1"));
    assertThat(pi).hasPassed(DocumentServiceModel.TASK_DECIDE_LODGED_RECORDING).isWaitingAt(DocumentServiceModel.TASK_SERVE_LODGED)
        .variables().containsEntry("recordingRequirement", "PHOTO_OR_AV").containsEntry("notifyParty", false);
    // the photo and the audio of the lodging, uploaded while the task is open: its pick list is renewed from the store
    String photo = upload(pi, "SERVICE_LODGED", EvidenceFixtures.jpeg());
    String audio = upload(pi, "SERVICE_LODGED", EvidenceFixtures.wav(2));
    org.assertj.core.api.Assertions.assertThat(taskService().getVariable(task(pi).getId(), "recordingOptions").toString())
        .contains(photo).contains(audio);
    Map<String, Object> record = new HashMap<>(Map.of("refusalReason", "拒不签收", "refusalDate", "2026-03-02",
        "witnessName", "李四", "witnessUnit", "社区居委会", "servedBy", "officer1", "served", true, "serviceDate", "2026-03-02"));
    // PHOTO_OR_AV: nothing linked, or only audio, is refused (400 over REST, the task stays)
    for (Object linked : new Object[] {java.util.List.of(), java.util.List.of(audio)}) {
      Map<String, Object> body = new HashMap<>();
      record.forEach((k, v) -> body.put(k, Map.of("value", v)));
      body.put("lodgedRecordingIds", Map.of("value", Spin.JSON(linked).toString(), "type", "Json"));
      ResponseEntity<Map> refused = rest.withBasicAuth("officer1", "demo")
          .postForEntity("/engine-rest/task/{id}/submit-form", Map.of("variables", body), Map.class, task(pi).getId());
      org.assertj.core.api.Assertions.assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      org.assertj.core.api.Assertions.assertThat((String) refused.getBody().get("message")).contains("lodgedRecordingIds");
    }
    assertThatThrownBy(() -> taskService().complete(task(pi).getId(), record))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("lodgedRecordingIds");
    assertThat(pi).isWaitingAt(DocumentServiceModel.TASK_SERVE_LODGED);
    record.put("lodgedRecordingIds", java.util.List.of(photo, audio));
    complete(task(pi), record);
    assertThat(pi).isEnded().variables().containsEntry("serviceMethodUsed", "LODGED").containsEntry("serviceDate", "2026-03-02");
  }

  @Test
  @DisplayName("SVC-02 lodged service that could not be carried out leads to another method; SVC-03 mail served on the return card's date")
  void lodgedFailedThenMail() {
    ProcessInstance pi = start("LODGED");
    assertThat(pi).isWaitingAt(DocumentServiceModel.TASK_SERVE_LODGED);
    complete(task(pi), withVariables("refusalReason", "住所无人", "refusalDate", "2026-03-02", "witnessName", "李四",
        "witnessUnit", "物业", "servedBy", "officer1", "served", false));
    assertThat(pi).isWaitingAt(DocumentServiceModel.TASK_CHOOSE_NEXT_METHOD);
    complete(task(pi), withVariables("failureRecord", "住所无人，无法留置", "method", "MAIL"));
    assertThat(pi).isWaitingAt(DocumentServiceModel.TASK_POST_DOCUMENT);
    at("2026-03-03T02:00:00Z"); // typed dates of outside events may not lie in the future (PER-06)
    complete(task(pi), withVariables("mailCarrier", "EMS", "trackingNumber", "EA123456789CN", "postedOn", "2026-03-03"));
    assertThat(pi).isWaitingAt(DocumentServiceModel.TASK_RECORD_RETURN_CARD);
    at("2026-03-05T02:00:00Z");
    complete(task(pi), withVariables("returnedByPost", false, "serviceDate", "2026-03-05", "returnCardSignedBy", "王五"));
    assertThat(pi).isEnded().variables().containsEntry("serviceDate", "2026-03-05")
        .containsEntry("serviceMethodUsed", "MAIL").containsEntry("attemptedMethods", "LODGED,MAIL");
  }

  @Test
  @DisplayName("SVC-03 SVC-04 returned mail is recorded and service continues by entrusted service with its reason")
  void mailReturnedThenEntrusted() {
    ProcessInstance pi = start("MAIL");
    complete(task(pi), withVariables("mailCarrier", "REGISTERED", "trackingNumber", "RR1", "postedOn", "2026-03-02"));
    complete(task(pi), withVariables("returnedByPost", true, "returnReason", "查无此人"));
    assertThat(pi).hasPassed(DocumentServiceModel.GATEWAY_MAIL_OUTCOME).isWaitingAt(DocumentServiceModel.TASK_CHOOSE_NEXT_METHOD);
    complete(task(pi), withVariables("failureRecord", "邮件退回", "method", "ENTRUSTED"));
    assertThat(pi).isWaitingAt(DocumentServiceModel.TASK_SERVE_ENTRUSTED);
    at("2026-03-09T02:00:00Z");
    complete(task(pi), withVariables("entrustType", "ENTRUSTED", "entrustReason", "受送达人在外地", "entrustedTo", "某县住建局",
        "served", true, "receiptSignedBy", "赵六", "serviceDate", "2026-03-09", "servedBy", "officer2"));
    assertThat(pi).isEnded().variables().containsEntry("serviceDate", "2026-03-09").containsEntry("serviceMethodUsed", "ENTRUSTED");
  }

  @Test
  @DisplayName("SVC-04 SVC-05 after entrusted and direct service failed and mail shown inapplicable (no known address): public notice with carrier and recording, deemed served by the timer 30 days after publication")
  void failedAttemptsThenPublicNotice() {
    ProcessInstance pi = start("ENTRUSTED");
    complete(task(pi), withVariables("entrustType", "FORWARDED", "entrustReason", "部队", "entrustedTo", "某部", "served", false,
        "servedBy", "officer1"));
    assertThat(pi).hasPassed(DocumentServiceModel.GATEWAY_ENTRUSTED_OUTCOME).isWaitingAt(DocumentServiceModel.TASK_CHOOSE_NEXT_METHOD);
    complete(task(pi), withVariables("failureRecord", "转交未果", "method", "DIRECT"));
    // issue 16: the next attempt opens without the failed one's 未能送达
    assertThat(pi).isWaitingAt(DocumentServiceModel.TASK_SERVE_DIRECTLY).variables().doesNotContainKeys("served", "recipientRefused");
    complete(task(pi), withVariables("served", false, "recipientRefused", false, "notServedReason", "下落不明", "servedBy", "officer1"));
    assertThat(pi).hasPassed(DocumentServiceModel.GATEWAY_DIRECT_OUTCOME).isWaitingAt(DocumentServiceModel.TASK_CHOOSE_NEXT_METHOD);
    // SVC-05: mail was neither tried nor shown inapplicable — public notice is refused, naming the field
    org.camunda.bpm.engine.task.Task next = task(pi);
    assertThatThrownBy(() -> org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService().complete(next.getId(),
        withVariables("failureRecord", "下落不明", "method", "PUBLIC_NOTICE")))
        .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class).hasMessageContaining("mailInapplicable");
    assertThat(pi).isWaitingAt(DocumentServiceModel.TASK_CHOOSE_NEXT_METHOD);
    complete(next, withVariables("failureRecord", "下落不明", "method", "PUBLIC_NOTICE", "mailInapplicable", "NO_KNOWN_ADDRESS",
        "inapplicableExplanation", "登记地址已拆迁，经社区和市场监管登记核实无其他地址"));
    assertThat(pi).hasPassed(DocumentServiceModel.TASK_DECIDE_NOTICE_RECORDING).isWaitingAt(DocumentServiceModel.TASK_PUBLISH_NOTICE)
        .variables().containsEntry("publicNoticeGrounds", "直接送达/留置送达：已尝试未能送达（DIRECT）；邮寄送达：不适用（无已知邮寄地址）；"
            + "委托/转交送达：已尝试未能送达（ENTRUSTED）。说明：登记地址已拆迁，经社区和市场监管登记核实无其他地址")
        .containsEntry("failedAttemptsRecord", "ENTRUSTED：转交未果\nDIRECT：下落不明")
        .containsEntry("recordingRequirement", "PHOTO_OR_AV").containsEntry("publicNoticeDays", 30)
        .containsEntry("attemptedMethods", "ENTRUSTED,DIRECT,PUBLIC_NOTICE");
    String screenshot = upload(pi, "SERVICE_PUBLIC_NOTICE", EvidenceFixtures.jpeg());
    complete(task(pi), withVariables("noticeReason", "其他方式均无法送达", "noticeCarrier", "WEBSITE",
        "noticeLocation", "https://www.example.gov.cn", "publishedOn", "2026-03-02", "noticeArchiveRef", "GG-1",
        "noticeRecordingIds", java.util.List.of(screenshot)));
    assertThat(pi).isWaitingAt(DocumentServiceModel.EVENT_DEEMED_SERVED);
    // 30 days from 3 March: 1 April (a Wednesday), the timer fires at its 24:00 Beijing time
    org.assertj.core.api.Assertions.assertThat(job().getDuedate()).isEqualTo(Date.from(Instant.parse("2026-04-01T16:00:00Z")));
    at("2026-04-01T16:00:01Z");
    execute(job());
    assertThat(pi).isEnded().hasPassed(DocumentServiceModel.EVENT_DEEMED_SERVED)
        .variables().containsEntry("serviceDate", "2026-04-01").containsEntry("serviceMethodUsed", "PUBLIC_NOTICE");
  }

  @Test
  @DisplayName("SVC-05 public notice as the first method: a note of failed attempts outside the system is not enough; it needs every other method shown inapplicable in this instance (whereabouts unknown), with the explanation")
  void publicNoticeNeedsFailedAttempts() {
    assertThatThrownBy(() -> start("PUBLIC_NOTICE")).isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class).hasMessageContaining("公告送达");
    assertThatThrownBy(() -> start("FAX")).isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class).hasMessageContaining("method");
    // issue 14 item 5: this was accepted before — one free-text note
    assertThatThrownBy(() -> start("PUBLIC_NOTICE", "priorFailedAttempts", "2026-02 直接送达、邮寄送达均未能送达（邮件退回）"))
        .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class).hasMessageContaining("personalInapplicable")
        .hasMessageContaining("mailInapplicable").hasMessageContaining("entrustedInapplicable");
    assertThatThrownBy(() -> start("PUBLIC_NOTICE", "personalInapplicable", "WHEREABOUTS_UNKNOWN", "mailInapplicable", "WHEREABOUTS_UNKNOWN",
        "entrustedInapplicable", "WHEREABOUTS_UNKNOWN"))
        .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class).hasMessageContaining("inapplicableExplanation");
    ProcessInstance pi = start("PUBLIC_NOTICE", WHEREABOUTS_UNKNOWN);
    assertThat(pi).isWaitingAt(DocumentServiceModel.TASK_PUBLISH_NOTICE);
  }

  @Test
  @DisplayName("SVC-01 AUX-01 roles through REST: auxiliary staff may not complete a service (403), a certified officer may")
  void rolesThroughRest() {
    ProcessInstance pi = start("DIRECT");
    String taskId = task(pi).getId();
    Map<String, Object> body = Map.of("variables", Map.of(
        "served", Map.of("value", true), "receiptSignedBy", Map.of("value", "张三"), "signerRelation", Map.of("value", "RECIPIENT"),
        "serviceDate", Map.of("value", "2026-03-02"), "servedBy", Map.of("value", "officer1")));
    ResponseEntity<String> aux = rest.withBasicAuth("aux1", "demo")
        .postForEntity("/engine-rest/task/{id}/submit-form", body, String.class, taskId);
    org.assertj.core.api.Assertions.assertThat(aux.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> officer = rest.withBasicAuth("officer1", "demo")
        .postForEntity("/engine-rest/task/{id}/submit-form", body, String.class, taskId);
    org.assertj.core.api.Assertions.assertThat(officer.getStatusCode().is2xxSuccessful()).as(officer.getBody()).isTrue();
    assertThat(pi).isEnded().variables().containsEntry("serviceDate", "2026-03-02");
  }

  @Test
  @DisplayName("PER-06 the day the service was requested is the server's: a submitted serviceRequestedOn is refused (400 naming the field), the stamped one is today")
  void requestDayIsTheServers() {
    Map<String, Object> start = Map.of("variables", Map.of("caseNumber", Map.of("value", "云建罚〔2026〕77"),
        "documentTitle", Map.of("value", "行政处罚决定书"), "recipientName", Map.of("value", "某某建材有限公司"),
        "recipientAddress", Map.of("value", "云和县某路 1 号"), "method", Map.of("value", "DIRECT"),
        "serviceRequestedOn", Map.of("value", "2026-02-01")));
    ResponseEntity<Map> refused = rest.withBasicAuth("officer1", "demo")
        .postForEntity("/engine-rest/process-definition/key/{key}/submit-form", start, Map.class, KEY);
    org.assertj.core.api.Assertions.assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    org.assertj.core.api.Assertions.assertThat((String) refused.getBody().get("message")).contains("serviceRequestedOn");

    at("2026-03-02T15:59:59Z"); // 23:59:59 Monday 2 March in Beijing
    ProcessInstance pi = start("DIRECT");
    assertThat(pi).variables().containsEntry("serviceRequestedOn", "2026-03-02");
  }

  private ResponseEntity<Map> serveDirectly(ProcessInstance pi, String serviceDate, String reason) {
    Map<String, Object> variables = new HashMap<>(Map.of(
        "served", Map.of("value", true), "receiptSignedBy", Map.of("value", "张三"), "signerRelation", Map.of("value", "RECIPIENT"),
        "serviceDate", Map.of("value", serviceDate), "servedBy", Map.of("value", "officer1")));
    if (reason != null) {
      variables.put("lateEntryReason", Map.of("value", reason));
    }
    return rest.withBasicAuth("officer1", "demo").postForEntity("/engine-rest/task/{id}/submit-form",
        Map.of("variables", variables), Map.class, task(pi).getId());
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0} on {1}: refused on {2}")
  @DisplayName("PER-06 typed service dates (direct, return card, public notice) may not lie in the future nor before the request or the posting; more than 3 days back needs a reason — a 400 naming the field")
  @org.junit.jupiter.params.provider.CsvSource({
      "DIRECT, 2026-03-11, serviceDate, 不能晚于今天",
      "DIRECT, 2026-03-01, serviceDate, 不能早于本案上一环节的日期 2026-03-02",
      "DIRECT, 2026-03-06, lateEntryReason, 属补录",
      "MAIL, 2026-03-03, serviceDate, 不能早于本案上一环节的日期 2026-03-04",
      "PUBLIC_NOTICE, 2026-03-11, publishedOn, 不能晚于今天",
      "PUBLIC_NOTICE, 2026-03-01, publishedOn, 不能早于本案上一环节的日期 2026-03-02",
  })
  void outsideDateRefused(String method, String day, String field, String words) {
    ProcessInstance pi = "PUBLIC_NOTICE".equals(method)
        ? start(method, WHEREABOUTS_UNKNOWN) : start(method);
    ResponseEntity<Map> refused;
    if ("MAIL".equals(method)) {
      at("2026-03-04T02:00:00Z");
      complete(task(pi), withVariables("mailCarrier", "EMS", "trackingNumber", "EA1", "postedOn", "2026-03-04"));
      at("2026-03-10T02:00:00Z");
      refused = rest.withBasicAuth("officer1", "demo").postForEntity("/engine-rest/task/{id}/submit-form",
          Map.of("variables", Map.of("returnedByPost", Map.of("value", false), "serviceDate", Map.of("value", day),
              "returnCardSignedBy", Map.of("value", "王五"))), Map.class, task(pi).getId());
    } else if ("PUBLIC_NOTICE".equals(method)) {
      at("2026-03-10T02:00:00Z");
      refused = rest.withBasicAuth("officer1", "demo").postForEntity("/engine-rest/task/{id}/submit-form",
          Map.of("variables", Map.of("noticeReason", Map.of("value", "下落不明"), "noticeCarrier", Map.of("value", "WEBSITE"),
              "noticeLocation", Map.of("value", "https://www.example.gov.cn"), "publishedOn", Map.of("value", day),
              "noticeArchiveRef", Map.of("value", "GG-2"))), Map.class, task(pi).getId());
    } else {
      at("2026-03-10T02:00:00Z");
      refused = serveDirectly(pi, day, null);
    }
    org.assertj.core.api.Assertions.assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
    org.assertj.core.api.Assertions.assertThat(refused.getBody().get("error")).isEqualTo("FORM_INVALID");
    org.assertj.core.api.Assertions.assertThat((String) refused.getBody().get("message"))
        .contains("字段 " + field).contains("field " + field).contains(words).contains("PER-06");
    org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
  }

  @Test
  @DisplayName("PER-06 a direct service dated 5 days back with a reason is accepted, marked 补录, and the service date stays the typed one")
  void lateServiceDateMarked() {
    ProcessInstance pi = start("DIRECT");
    at("2026-03-10T02:00:00Z");
    ResponseEntity<Map> accepted = serveDirectly(pi, "2026-03-05", "送达回证在外业组，补录");
    org.assertj.core.api.Assertions.assertThat(accepted.getStatusCode().is2xxSuccessful()).as(String.valueOf(accepted.getBody())).isTrue();
    assertThat(pi).isEnded().variables().containsEntry("serviceDate", "2026-03-05").containsEntry("serviceDateLateEntry", true)
        .containsEntry("lateEntries", "补录：送达日期 2026-03-05（2026-03-10 录入；原因：送达回证在外业组，补录）");
  }

  @Test
  @DisplayName("PER-06 a late service date is marked 补录 in the record of the procedure that called the service (the case), not only in the service")
  void lateServiceDateInTheCallersRecord() {
    String deployment = processEngine.getRepositoryService().createDeployment().name("service-caller-test")
        .addModelInstance("service-caller-test.bpmn", org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("service-caller-test")
            .camundaHistoryTimeToLive(1).startEvent().callActivity("CallActivity_Serve").calledElement(KEY)
            .camundaIn("caseNumber", "caseNumber").camundaIn("documentTitle", "documentTitle")
            .camundaIn("recipientName", "recipientName").camundaIn("recipientAddress", "recipientAddress")
            .camundaIn("method", "method").endEvent().done())
        .deploy().getId();
    try {
      ProcessInstance caller = runtimeService().startProcessInstanceByKey("service-caller-test", Map.of(
          "caseNumber", "云建罚〔2026〕CALL", "documentTitle", "行政处罚决定书", "recipientName", "某某建材有限公司",
          "recipientAddress", "云和县某路 1 号", "method", "DIRECT", "lateEntries", "补录：检查日期 2026-02-20（2026-03-01 录入；原因：外业）"));
      ProcessInstance service = runtimeService().createProcessInstanceQuery().superProcessInstanceId(caller.getId()).singleResult();
      at("2026-03-10T02:00:00Z");
      ResponseEntity<Map> accepted = serveDirectly(service, "2026-03-05", "送达回证在外业组，补录");
      org.assertj.core.api.Assertions.assertThat(accepted.getStatusCode().is2xxSuccessful()).as(String.valueOf(accepted.getBody())).isTrue();
      assertThat(caller).isEnded();
      org.assertj.core.api.Assertions.assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery()
          .processInstanceId(caller.getId()).variableName("lateEntries").singleResult().getValue())
          .isEqualTo("补录：检查日期 2026-02-20（2026-03-01 录入；原因：外业）\n补录：送达日期 2026-03-05（2026-03-10 录入；原因：送达回证在外业组，补录）");
    } finally {
      processEngine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }
}
