package cn.gov.enforcement.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.gov.enforcement.audit.AuditEntry;
import cn.gov.enforcement.audit.AuditLog;
import cn.gov.enforcement.casework.EnforcementCaseModel;
import cn.gov.enforcement.recording.EvidenceFixtures;
import cn.gov.enforcement.review.LegalReviewModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The case file and its archive package for a real case walked through enforcement-case (filed,
 * investigated with a recording uploaded through the evidence API, legal review failed, closed,
 * archived by records1): the package is verified by {@code verify/Verify.java} run as its own
 * process with the JDK alone, and a changed byte is detected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseArchiveTest {

  @Autowired ProcessEngine processEngine;
  @Autowired IdentityService identityService;
  @Autowired TestRestTemplate rest;
  @Autowired CaseArchives archives;
  @Autowired AuditLog auditLog;
  @TempDir Path dir;

  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() {
    init(processEngine);
    at("2026-03-02T02:00:00Z");
  }

  @AfterEach
  void tearDown() {
    identityService.clearAuthentication();
    ClockUtil.reset();
  }

  private static void at(String instant) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
  }

  /** A case from filing to the archive task, with one WAV recording uploaded by officer1; returns the recording id. */
  private String walkToArchive(ProcessInstance pi, String caseNumber) {
    complete(claimed(EnforcementCaseModel.TASK_PROPOSE_FILING, pi, "officer1"), withVariables("caseNumber", caseNumber, "filingFacts", "现场照片、询问笔录",
        "suspectedViolation", "《建筑法》第七条", "filingOpinion", "建议立案"));
    complete(claimed(EnforcementCaseModel.TASK_APPROVE_FILING, pi, "head1"), withVariables("filingApproved", true, "filingApprovalOpinion", "同意立案"));
    complete(task(EnforcementCaseModel.TASK_ASSIGN_INVESTIGATORS, pi), withVariables("investigators", List.of("officer1", "officer2")));
    at("2026-03-03T02:00:00Z");
    Map<String, String> fields = EvidenceFixtures.justRecorded("DOCUMENT_WORK");
    fields.put("caseNumber", caseNumber);
    String recording = EvidenceFixtures.uploadId(rest, "officer1", fields, EvidenceFixtures.sampled("WAVE", 3));
    complete(task(EnforcementCaseModel.TASK_PLAN_ACTIVITY, pi), withVariables("activity", "DOCUMENT_WORK", "exemption", "NONE",
        "affectsLibertyLifeOrMajorProperty", false));
    Map<String, Object> record = new HashMap<>(Map.of("activityOfficers", List.of("officer1", "officer2"),
        "credentialsShown", true, "activityDate", "2026-03-03", "activityEndedAt", "2026-03-03T10:00:00+08:00",
        "activityRecord", "现场检查笔录：工地正在施工，未见施工许可证", "moreActivities", false));
    complete(task(EnforcementCaseModel.TASK_RECORD_ACTIVITY, pi), record);
    at("2026-03-04T02:00:00Z");
    complete(task(EnforcementCaseModel.TASK_NOTIFY_RIGHTS, pi), withVariables("rightsNoticeNumber", "云建告〔2026〕1号",
        "intendedPenalty", "罚款五万元", "hearingRightGranted", true, "rightsNoticeServedOn", "2026-03-04"));
    // CASE-03: "no hearing" inside the request window is the party's written waiver, recorded by an officer
    complete(claimed(EnforcementCaseModel.TASK_RECORD_PARTY_RESPONSE, pi, "officer1"), withVariables("hearingRequested", false, "partyStatement", "无异议",
        "hearingWaiverDocument", "当事人书面放弃听证声明（附卷第 12 页）", "hearingWaiverReceivedOn", "2026-03-04"));
    complete(claimed(EnforcementCaseModel.TASK_DRAFT_DECISION, pi, "officer1"), withVariables("decisionSummary", "对某某建材有限公司罚款五万元",
        "decisionType", "PENALTY", "penaltyContent", "罚款五万元", "legalBasis", "《建筑法》第六十四条",
        "evidenceList", "现场检查笔录、照片、音像资料", "factorsConsidered", "首次违法，主动整改",
        "majorPublicInterest", false, "majorRightsAfterHearing", false, "complexOrMultipleRelations", false,
        "requiredByLaw", true, "complexCase", false, "serviceMethod", "DIRECT", "complianceDays", 15));
    ProcessInstance review = calledProcessInstance(LegalReviewModel.PROCESS_KEY, pi);
    Task reviewTask = task(LegalReviewModel.TASK_REVIEW_LEGALITY, review);
    taskService().claim(reviewTask.getId(), "legal1");
    Map<String, Object> findings = new HashMap<>();
    for (String point : List.of("findingBody", "findingOfficers", "findingAuthority", "findingFacts", "findingEvidence",
        "findingLegalBasis", "findingProcedure", "findingDiscretion", "findingDocuments")) {
      findings.put(point, "CONFORMS");
    }
    findings.putAll(Map.of("findingCrimeReferral", "NO_REFERRAL", "reviewOutcome", "FAIL",
        "reviewOpinion", "审核意见：证据不足", "extensionRequested", false));
    complete(reviewTask, findings);
    at("2026-04-20T02:00:00Z");
    complete(task(EnforcementCaseModel.TASK_CLOSE_CASE, pi), withVariables("closureReason", "REVIEW_FAILED", "closureReport", "结案报告"));
    return recording;
  }

  /** Claims the task for {@code user}: the server records the doer of a step (DEC-17), so a named person does it. */
  private static Task claimed(String key, ProcessInstance pi, String user) {
    Task task = task(key, pi);
    taskService().claim(task.getId(), user);
    return task;
  }

  private void archiveAs(String user, ProcessInstance pi) {
    at("2026-04-27T02:00:00Z");
    Task archive = task(EnforcementCaseModel.TASK_ARCHIVE_CASE, pi);
    identityService.setAuthentication(user, List.of("records-office"));
    try {
      taskService().claim(archive.getId(), user);
      taskService().complete(archive.getId(), withVariables("archiveNumber", "A-2026-7", "archiveNote", "随卷归档"));
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  @DisplayName("REC-13 REC-01 ACC-02 ACC-07 归档时生成只写一次的归档包：records1 下载（记入审计），Verify.java 离线校验通过，改动一个字节即被发现")
  void archivePackageVerifiesAndTamperingIsDetected() throws Exception {
    String caseNumber = "云建立〔2026〕" + UUID.randomUUID().toString().substring(0, 8);
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(EnforcementCaseModel.PROCESS_KEY, "case-" + UUID.randomUUID(),
        Map.of("source", "INSPECTION", "partyName", "某某建材有限公司", "partyType", "LEGAL_PERSON",
            "partyAddress", "云和县某路 1 号", "cause", "未经许可擅自施工", "clueDescription", "巡查发现工地未办理施工许可"));
    String recording = walkToArchive(pi, caseNumber);
    assertThat(archives.forCase(caseNumber)).isEmpty();
    archiveAs("records1", pi);

    CaseArchives.Archive archive = archives.forCase(caseNumber).orElseThrow();
    assertThat(archive.createdBy()).isEqualTo("records1");

    // officer1 may read the case file but not download the package; records1 downloads it, audited
    assertThat(rest.withBasicAuth("officer1", "demo").getForEntity(archiveUrl(caseNumber), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<byte[]> download = rest.withBasicAuth("records1", "demo").getForEntity(archiveUrl(caseNumber),
        byte[].class);
    assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
    Path zip = dir.resolve("package.zip");
    Files.write(zip, download.getBody());
    assertThat(download.getBody().length).isEqualTo(archive.sizeBytes());
    assertThat(auditLog.forTarget(caseNumber)).anyMatch(e -> "DOWNLOAD".equals(e.action()) && "records1".equals(e.actor())
        && e.detail().contains(archive.id()));
    assertThat(auditLog.forTarget(caseNumber)).anyMatch(e -> "CASE_ARCHIVED".equals(e.action())
        && e.detail().contains(archive.sha256()));

    // the manifest: every item with both digests, the recording by reference with its upload digests, the audit entries
    JsonNode manifest;
    try (ZipFile file = new ZipFile(zip.toFile())) {
      List<String> names = new ArrayList<>();
      for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
        names.add(e.nextElement().getName());
      }
      assertThat(names).containsExactly("case-file.pdf", "case-file.html", "case-file.json", "manifest.json");
      manifest = json.readTree(file.getInputStream(file.getEntry("manifest.json")));
      try (InputStream pdf = file.getInputStream(file.getEntry("case-file.pdf"));
          PDDocument document = Loader.loadPDF(pdf.readAllBytes())) {
        String text = new PDFTextStripper().getText(document);
        assertThat(text).contains("行政执法案卷", caseNumber, "立卷归档", "立案意见", "建议立案", recording)
            .contains("按期完成", "吴档案员（records1）", "A-2026-7");
        PDFont font = document.getPage(0).getResources().getFont(document.getPage(0).getResources().getFontNames()
            .iterator().next());
        assertThat(font.isEmbedded()).as("CJK font embedded").isTrue();
      }
    }
    assertThat(manifest.path("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(manifest.path("items")).hasSize(3).allSatisfy(item -> {
      assertThat(item.path("sha256").asText()).hasSize(64);
      assertThat(item.path("sm3").asText()).hasSize(64);
    });
    JsonNode ref = manifest.path("recordings").get(0);
    Map<?, ?> stored = rest.withBasicAuth("officer1", "demo").getForObject("/api/recordings/" + recording, Map.class);
    assertThat(ref.path("id").asText()).isEqualTo(recording);
    assertThat(ref.path("storedAs").asText()).isEqualTo("reference");
    assertThat(ref.path("sha256").asText()).isEqualTo(stored.get("sha256"));
    assertThat(ref.path("sm3").asText()).isEqualTo(stored.get("sm3"));
    List<String> actions = new ArrayList<>();
    manifest.path("auditEntries").forEach(e -> actions.add(e.path("action").asText() + " " + e.path("target").asText()));
    assertThat(actions).contains("UPLOAD " + recording);

    // verified offline by the JDK alone
    Verification ok = verify(zip, "--expect-sha256", archive.sha256(), "--expect-sm3", archive.sm3());
    assertThat(ok.exit()).as(ok.output()).isZero();
    assertThat(ok.output()).contains("VERIFIED: 3 items", archive.sha256(), archive.sm3());

    // one changed byte in the middle of the package: detected
    byte[] bytes = Files.readAllBytes(zip);
    bytes[bytes.length / 3] ^= 0x01;
    Path flipped = dir.resolve("flipped.zip");
    Files.write(flipped, bytes);
    Verification broken = verify(flipped);
    assertThat(broken.exit()).as(broken.output()).isEqualTo(1);
    assertThat(broken.output()).contains("NOT VERIFIED");

    // a well-formed package with one item's content changed (the manifest kept): the digests tell
    Path rewritten = dir.resolve("rewritten.zip");
    rewriteEntry(zip, rewritten, "case-file.html", html -> html.replace("结案报告", "结案报吿"));
    Verification changed = verify(rewritten);
    assertThat(changed.exit()).as(changed.output()).isEqualTo(1);
    assertThat(changed.output()).contains("case-file.html: SHA-256");
    // and the package's own digest no longer matches the register
    assertThat(verify(rewritten, "--expect-sha256", archive.sha256()).output()).contains("not the expected");
  }

  @Test
  @DisplayName("REC-01 REC-13 ACC-03 案卷视图：每步骤的办理人、时间、决定以中文标签呈现；执法辅助人员不可查阅；查阅记入审计")
  void caseFileViewReadsInChinese() {
    String caseNumber = "云建立〔2026〕" + UUID.randomUUID().toString().substring(0, 8);
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(EnforcementCaseModel.PROCESS_KEY, "case-" + UUID.randomUUID(),
        Map.of("source", "INSPECTION", "partyName", "某某建材有限公司", "partyType", "LEGAL_PERSON",
            "partyAddress", "云和县某路 1 号", "cause", "未经许可擅自施工", "clueDescription", "巡查发现工地未办理施工许可"));
    String recording = walkToArchive(pi, caseNumber);

    ResponseEntity<String> page = rest.withBasicAuth("head1", "demo").getForEntity("/api/cases/{c}/file.html",
        String.class, caseNumber);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("立案意见", "建议立案", "审核意见：证据不足", recording, "SHA-256", "未经许可擅自施工")
        .contains("立卷归档", "办理中")
        // issue 15/16: readable in Chinese — who did it by name, option texts instead of codes, no working variables
        .contains("立案申请人（服务器记录）", "监督检查发现").doesNotContain("recordingCaseNumber", "filingProposedBy", "（INSPECTION）");
    ResponseEntity<Map> file = rest.withBasicAuth("head1", "demo").getForEntity("/api/cases/{c}/file", Map.class,
        caseNumber);
    assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat((List<?>) file.getBody().get("steps")).hasSizeGreaterThan(8);
    assertThat((List<?>) file.getBody().get("deadlines")).isNotEmpty();
    assertThat(auditLog.forTarget(caseNumber)).anyMatch(e -> "CASE_FILE_READ".equals(e.action())
        && "head1".equals(e.actor()));

    assertThat(rest.withBasicAuth("aux1", "demo").getForEntity("/api/cases/{c}/file", String.class, caseNumber)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("head1", "demo").getForEntity("/api/cases/{c}/file", String.class, "云建立〔1999〕0")
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    // not archived yet: no package
    assertThat(rest.withBasicAuth("records1", "demo").getForEntity(archiveUrl(caseNumber), String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  private static String archiveUrl(String caseNumber) {
    return "/api/cases/" + caseNumber + "/archive";
  }

  record Verification(int exit, String output) {}

  /** {@code java verify/Verify.java <zip> …} as its own process: the JDK only, no classpath. */
  private static Verification verify(Path zip, String... options) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, Path.of("verify/Verify.java").toAbsolutePath().toString(),
        zip.toString()));
    command.addAll(List.of(options));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Verification(process.exitValue(), output);
  }

  private static void rewriteEntry(Path from, Path to, String name, java.util.function.UnaryOperator<String> change)
      throws IOException {
    try (ZipFile in = new ZipFile(from.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
      for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        byte[] content = in.getInputStream(entry).readAllBytes();
        if (entry.getName().equals(name)) {
          content = change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        out.putNextEntry(new ZipEntry(entry.getName()));
        out.write(content);
        out.closeEntry();
      }
    }
  }
}
