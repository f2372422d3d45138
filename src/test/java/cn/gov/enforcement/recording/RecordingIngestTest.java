package cn.gov.enforcement.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** POST /api/recordings with real media: digests, type by content, metadata, checks, refusals. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordingIngestTest {

  /** The fixture clip.mp4 was created at 2026-11-20T02:00:00Z and lasts 3 s. */
  static final Instant CLIP_CREATED = Instant.parse("2026-11-20T02:00:00Z");

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired RecordingStorage storage;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    // "now" is one hour after the fixture was recorded, so the upload is in time
    ClockUtil.setCurrentTime(Date.from(CLIP_CREATED.plus(1, ChronoUnit.HOURS)));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static Map<String, String> inTime() {
    return EvidenceFixtures.fields("2026-11-20T10:00:00+08:00", "2026-11-20T10:00:03+08:00");
  }

  @SuppressWarnings("unchecked")
  @Test
  @DisplayName("ACC-02 REC-09 MP4 入库：一次流式写入同时计算 SHA-256 与 SM3，按日期目录存储，类型与元数据来自内容")
  void mp4IsStoredWithDigestsTypeAndMetadata() throws Exception {
    byte[] mp4 = EvidenceFixtures.mp4();
    ResponseEntity<Map> response = EvidenceFixtures.upload(rest, "officer1", inTime(), mp4, "现场.mp4");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Map<String, Object> body = response.getBody();
    assertThat(body.get("sha256")).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(mp4)));
    SM3Digest sm3 = new SM3Digest();
    sm3.update(mp4, 0, mp4.length);
    byte[] expected = new byte[32];
    sm3.doFinal(expected, 0);
    assertThat(body.get("sm3")).isEqualTo(HexFormat.of().formatHex(expected));
    assertThat((String) body.get("mediaType")).startsWith("video/");
    assertThat(((Number) body.get("sizeBytes")).longValue()).isEqualTo(mp4.length);
    assertThat(((Number) body.get("durationSeconds")).doubleValue()).isBetween(2.9, 3.1);
    assertThat(Instant.parse(((String) body.get("recordedAt")).replace("+08:00", "+08:00")).toString())
        .isEqualTo(CLIP_CREATED.toString());
    assertThat(body.get("retentionClass")).isEqualTo("ONE_YEAR");
    assertThat(body.get("late")).isEqualTo(false);
    // DSJ-0042 is not in the device register: REC-15's flag (DeviceCheckTest) is the only warning
    assertThat((List<String>) body.get("warnings")).allMatch(w -> w.startsWith("REC-15 DEVICE_UNREGISTERED"));
    assertThat(body.get("metadataStatus")).isEqualTo("PARSED");

    String id = (String) body.get("id");
    String path = jdbc.queryForObject("SELECT storage_path FROM recording WHERE id = ?", String.class, id);
    assertThat(path).isEqualTo("originals/2026/11/20/" + id + ".mp4").doesNotContain("现场");
    Path file = storage.resolve(path);
    assertThat(Files.readAllBytes(file)).isEqualTo(mp4);
    // ACC-01: the stored original is read-only for everyone
    assertThat(Files.getPosixFilePermissions(file)).doesNotContain(PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
  }

  @SuppressWarnings("unchecked")
  @Test
  @DisplayName("ACC-02 20 MiB 的 WAV：并行计算的 SHA-256 与 SM3 与独立计算的结果一致，存储内容逐字节相同")
  void largeUploadGetsTheSameDigestsAsComputedIndependently() throws Exception {
    // many copy buffers and a last, partly filled one: the digests run on their own threads over them
    byte[] wav = EvidenceFixtures.wav(1311);
    assertThat(wav.length).isGreaterThan(20 * 1024 * 1024);
    assertThat(wav.length % DigestingCopier.BUFFER).isNotZero();
    ResponseEntity<Map> response = EvidenceFixtures.upload(rest, "officer1", inTime(), wav, "long.wav");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Map<String, Object> body = response.getBody();
    assertThat(body.get("sha256")).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(wav)));
    // computed apart from the upload's pipeline: in one call over the whole array
    MessageDigest sm3 = MessageDigest.getInstance("SM3", new org.bouncycastle.jce.provider.BouncyCastleProvider());
    assertThat(body.get("sm3")).isEqualTo(HexFormat.of().formatHex(sm3.digest(wav)));
    assertThat(((Number) body.get("sizeBytes")).longValue()).isEqualTo(wav.length);
    String path = jdbc.queryForObject("SELECT storage_path FROM recording WHERE id = ?", String.class, body.get("id"));
    assertThat(Files.readAllBytes(storage.resolve(path))).isEqualTo(wav);
    // the fixity re-hash goes through the same pipeline and must agree with what ingest stored
    DigestingCopier.Digests again = DigestingCopier.hash(storage.resolve(path));
    assertThat(again.sha256()).isEqualTo(body.get("sha256"));
    assertThat(again.sm3()).isEqualTo(body.get("sm3"));
    assertThat(again.size()).isEqualTo(wav.length);
  }

  @ParameterizedTest(name = "{0} sent as {1}")
  @CsvSource({"mp3, a.bin, audio/mpeg", "wav, a.mp4, audio/vnd.wave", "jpeg, photo.mp4, image/jpeg"})
  @DisplayName("ACC-02 MP3、WAV、JPEG 按内容识别为音频、图像并入库")
  void audioAndImagesAreAccepted(String kind, String fileName, String mediaType) {
    byte[] content = "wav".equals(kind) ? EvidenceFixtures.wav(3) : EvidenceFixtures.sample(kind);
    assertThat(EvidenceFixtures.upload(rest, "officer1", inTime(), content, fileName).getBody())
        .containsEntry("mediaType", mediaType);
  }

  @Test
  @DisplayName("REC-02 按 recording-requirement 核对介质：现场检查须录音录像，只交录音则警示；投诉电话录音不警示")
  @SuppressWarnings("unchecked")
  void mediumIsComparedWithTheRecordingRequirement() {
    Map<String, Object> audioOnly = EvidenceFixtures.upload(rest, "officer1", inTime(), EvidenceFixtures.mp3(), "a.mp3")
        .getBody();
    assertThat(audioOnly).containsEntry("recordingRequirement", "AV");
    assertThat((List<String>) audioOnly.get("warnings")).anyMatch(w -> w.startsWith("REC-02 MEDIA_MISMATCH"));
    assertThat((List<String>) EvidenceFixtures.upload(rest, "officer1", inTime(), EvidenceFixtures.mp4(), "a.mp4").getBody()
        .get("warnings")).noneMatch(w -> w.startsWith("REC-02"));
    Map<String, String> hotline = inTime();
    hotline.put("activity", "COMPLAINT_HOTLINE");
    Map<String, Object> call = EvidenceFixtures.upload(rest, "officer1", hotline, EvidenceFixtures.mp3(), "call.mp3").getBody();
    assertThat(call).containsEntry("recordingRequirement", "AUDIO");
    assertThat((List<String>) call.get("warnings")).noneMatch(w -> w.startsWith("REC-02"));
  }

  @Test
  @DisplayName("ACC-01 改名为 .mp4 的 PDF 或可执行文件按内容拒绝（415），不留文件也不留记录")
  void nonMediaIsRefusedByContent() {
    StorageState before = StorageState.of(jdbc, storage);
    ResponseEntity<Map> pdf = EvidenceFixtures.upload(rest, "officer1", inTime(), EvidenceFixtures.pdf(), "clip.mp4");
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(pdf.getBody()).containsEntry("error", "UNSUPPORTED_MEDIA_TYPE");
    assertThat((String) pdf.getBody().get("message")).contains("application/pdf").contains("/");
    ResponseEntity<Map> exe = EvidenceFixtures.upload(rest, "officer1", inTime(), EvidenceFixtures.executable(), "clip.mp4");
    assertThat(exe.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(StorageState.of(jdbc, storage)).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0} cut at {1}: {2}")
  @CsvSource({"mp4, 0, EMPTY_FILE", "mp4, 6000, TRUNCATED_FILE", "mp3, 3000, TRUNCATED_FILE", "wav, 9000, TRUNCATED_FILE",
      "jpeg, /2, TRUNCATED_FILE"})
  @DisplayName("ACC-01 空文件与被截断的 MP4/MP3/WAV/JPEG 明确拒绝（400），不留文件也不留记录")
  void emptyAndTruncatedFilesAreRefused(String kind, String keep, String error) {
    StorageState before = StorageState.of(jdbc, storage);
    byte[] cut = EvidenceFixtures.truncated(EvidenceFixtures.sample(kind), keep);
    ResponseEntity<Map> response = EvidenceFixtures.upload(rest, "officer1", inTime(), cut, "cut.mp4");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("error", error);
    assertThat(StorageState.of(jdbc, storage)).isEqualTo(before);
  }

  @Test
  @DisplayName("REC-09 客户端文件名从不成为路径：../ 与绝对路径只作为标签保存")
  void clientFileNamesNeverBecomePaths() {
    ResponseEntity<Map> response = EvidenceFixtures.upload(rest, "officer1", inTime(), EvidenceFixtures.wav(1),
        "../../../../etc/cron.d/evil.wav");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String id = (String) response.getBody().get("id");
    Map<String, Object> row = jdbc.queryForMap("SELECT storage_path, client_file_name FROM recording WHERE id = ?", id);
    assertThat((String) row.get("STORAGE_PATH") != null ? row.get("STORAGE_PATH") : row.get("storage_path"))
        .isEqualTo("originals/2026/11/20/" + id + ".wav");
    assertThat(row.values()).contains("evil.wav");
  }

  @Test
  @DisplayName("REC-05 开始、结束时间与文件创建时间+时长相差超过 5 分钟时警示，5 分钟内不警示")
  @SuppressWarnings("unchecked")
  void timeDifferencesOverFiveMinutesAreFlagged() {
    Map<String, String> off = EvidenceFixtures.fields("2026-11-20T10:07:00+08:00", "2026-11-20T10:08:00+08:00");
    List<String> warnings = (List<String>) EvidenceFixtures.upload(rest, "officer1", off, EvidenceFixtures.mp4(), "a.mp4")
        .getBody().get("warnings");
    assertThat(warnings).anyMatch(w -> w.startsWith("REC-05 START_TIME_MISMATCH"))
        .anyMatch(w -> w.startsWith("REC-05 END_TIME_MISMATCH"));
    Map<String, String> close = EvidenceFixtures.fields("2026-11-20T10:04:00+08:00", "2026-11-20T10:04:30+08:00");
    assertThat((List<String>) EvidenceFixtures.upload(rest, "officer1", close, EvidenceFixtures.mp4(), "a.mp4").getBody()
        .get("warnings")).noneMatch(w -> w.startsWith("REC-05"));
  }

  @Test
  @DisplayName("REC-05 20 秒的 WAV 在文书中记为 20 分钟：时长不符被警示；如实记载的不警示")
  @SuppressWarnings("unchecked")
  void twentySecondWaveDeclaredAsTwentyMinutesIsFlagged() {
    byte[] wav = EvidenceFixtures.sampled("WAVE", 20);
    Map<String, String> declared = EvidenceFixtures.fields("2026-11-20T10:00:00+08:00", "2026-11-20T10:20:00+08:00");
    Map<String, Object> body = EvidenceFixtures.upload(rest, "officer1", declared, wav, "a.wav").getBody();
    assertThat(((Number) body.get("durationSeconds")).doubleValue()).isBetween(19.99, 20.01);
    assertThat((List<String>) body.get("warnings")).anyMatch(w -> w.startsWith("REC-05 DURATION_MISMATCH")
        && w.contains("20 分钟"));
    Map<String, String> honest = EvidenceFixtures.fields("2026-11-20T10:00:00+08:00", "2026-11-20T10:00:20+08:00");
    assertThat((List<String>) EvidenceFixtures.upload(rest, "officer1", honest, wav, "a.wav").getBody().get("warnings"))
        .noneMatch(w -> w.startsWith("REC-05"));
  }

  @Test
  @DisplayName("REC-06 分段之间的中断须说明原因：无原因时警示，有原因时不警示")
  @SuppressWarnings("unchecked")
  void segmentGapsNeedAReason() {
    Map<String, String> fields = inTime();
    fields.put("segments", "[{\"startedAt\":\"2026-11-20T10:00:00+08:00\",\"endedAt\":\"2026-11-20T10:00:01+08:00\"},"
        + "{\"startedAt\":\"2026-11-20T10:00:02+08:00\",\"endedAt\":\"2026-11-20T10:00:03+08:00\"}]");
    assertThat((List<String>) EvidenceFixtures.upload(rest, "officer1", fields, EvidenceFixtures.wav(2), "a.wav").getBody()
        .get("warnings")).anyMatch(w -> w.startsWith("REC-06 GAP_WITHOUT_REASON"));
    fields.put("segments", "[{\"startedAt\":\"2026-11-20T10:00:00+08:00\",\"endedAt\":\"2026-11-20T10:00:01+08:00\"},"
        + "{\"startedAt\":\"2026-11-20T10:00:02+08:00\",\"endedAt\":\"2026-11-20T10:00:03+08:00\","
        + "\"interruptionReason\":\"执法记录仪电量耗尽，更换电池\"}]");
    assertThat((List<String>) EvidenceFixtures.upload(rest, "officer1", fields, EvidenceFixtures.wav(2), "a.wav").getBody()
        .get("warnings")).noneMatch(w -> w.startsWith("REC-06"));
  }

  @Test
  @DisplayName("REC-08 录制结束 24 小时后上传：标记逾期并为科室负责人生成预警任务（期限为结束后 24 小时）")
  @SuppressWarnings("unchecked")
  void lateUploadRaisesASectionHeadTask() {
    ClockUtil.setCurrentTime(Date.from(CLIP_CREATED.plus(30, ChronoUnit.HOURS)));
    ResponseEntity<Map> response = EvidenceFixtures.upload(rest, "officer1", inTime(), EvidenceFixtures.mp4(), "a.mp4");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(response.getBody()).containsEntry("late", true);
    assertThat((List<String>) response.getBody().get("warnings")).anyMatch(w -> w.startsWith("REC-08 LATE_UPLOAD"));
    String id = (String) response.getBody().get("id");
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(UploadDeadlineWarnings.PROCESS_KEY).processInstanceBusinessKey(id).singleResult();
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(RecordingUploadDeadlineModel.TASK_REVIEW_LATE_UPLOAD);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateGroup("section-head").count()).isEqualTo(1);
    assertThat(task.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-11-20T10:00:03+08:00").plus(24, ChronoUnit.HOURS));
  }

  @Test
  @DisplayName("REC-10 作为证据使用须附文字说明；保存类别为随案卷保存")
  void evidenceNeedsADescription() {
    Map<String, String> fields = inTime();
    fields.put("usedAsEvidence", "true");
    ResponseEntity<Map> missing = EvidenceFixtures.upload(rest, "officer1", fields, EvidenceFixtures.wav(1), "a.wav");
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(missing.getBody()).containsEntry("error", "MISSING_FIELD");
    // the person is told the field as the page labels it, in both languages
    assertThat((String) missing.getBody().get("message"))
        .contains("缺少字段 evidenceDescription（证据说明）").contains("missing field evidenceDescription");
    fields.put("evidenceDescription", "现场检查全程录像，证明当事人擅自施工的事实");
    assertThat(EvidenceFixtures.upload(rest, "officer1", fields, EvidenceFixtures.wav(1), "a.wav").getBody())
        .containsEntry("retentionClass", "WITH_CASE_FILE");
  }

  @Test
  @DisplayName("REC-05 元数据不一致（结束早于开始、未知执法人员、无执法证者）拒绝（422），不留任何东西")
  void inconsistentMetadataIsRefused() {
    StorageState before = StorageState.of(jdbc, storage);
    Map<String, String> backwards = EvidenceFixtures.fields("2026-11-20T10:00:03+08:00", "2026-11-20T10:00:00+08:00");
    assertThat(EvidenceFixtures.upload(rest, "officer1", backwards, EvidenceFixtures.mp4(), "a.mp4").getStatusCode())
        .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    Map<String, String> unknown = inTime();
    unknown.put("officers", "officer1,nobody");
    ResponseEntity<Map> response = EvidenceFixtures.upload(rest, "officer1", unknown, EvidenceFixtures.mp4(), "a.mp4");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(response.getBody()).containsEntry("error", "INCONSISTENT_METADATA");
    Map<String, String> uncertified = inTime();
    uncertified.put("officers", "records1");
    assertThat(EvidenceFixtures.upload(rest, "officer1", uncertified, EvidenceFixtures.mp4(), "a.mp4").getStatusCode())
        .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    Map<String, String> missing = inTime();
    missing.remove("deviceNumber");
    ResponseEntity<Map> noDevice = EvidenceFixtures.upload(rest, "officer1", missing, EvidenceFixtures.mp4(), "a.mp4");
    assertThat(noDevice.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noDevice.getBody()).containsEntry("error", "MISSING_FIELD");
    assertThat((String) noDevice.getBody().get("message")).contains("deviceNumber（执法记录仪编号）");
    assertThat(StorageState.of(jdbc, storage)).isEqualTo(before);
  }

  @Test
  @DisplayName("AUX-04 辅助人员上传须关联持证执法人员：关联后入库，未知或无证人员（含辅助人员本人）422")
  @SuppressWarnings("unchecked")
  void auxiliaryUploadsNameCertifiedOfficers() {
    Map<String, String> fields = inTime();
    fields.put("officers", "officer1");
    ResponseEntity<Map> accepted = EvidenceFixtures.upload(rest, "aux1", fields, EvidenceFixtures.wav(1), "a.wav");
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(accepted.getBody()).containsEntry("uploadedBy", "aux1");
    assertThat((List<String>) accepted.getBody().get("officers")).containsExactly("officer1");
    fields.put("officers", "aux1");
    assertThat(EvidenceFixtures.upload(rest, "aux1", fields, EvidenceFixtures.wav(1), "a.wav").getStatusCode())
        .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    fields.put("officers", "ghost");
    assertThat(EvidenceFixtures.upload(rest, "aux1", fields, EvidenceFixtures.wav(1), "a.wav").getStatusCode())
        .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
  }

  @Test
  @DisplayName("ACC-02 元数据字段放在文件之后也能流式入库")
  void fieldsAfterTheFileAreAccepted() {
    org.springframework.util.MultiValueMap<String, Object> body = new org.springframework.util.LinkedMultiValueMap<>();
    body.add("file", new org.springframework.core.io.ByteArrayResource(EvidenceFixtures.wav(1)) {
      @Override
      public String getFilename() {
        return "after.wav";
      }
    });
    inTime().forEach(body::add);
    ResponseEntity<Map> response = rest.withBasicAuth("officer2", "demo").postForEntity("/api/recordings", body, Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  @DisplayName("ACC-03 未登录 401；无上传权限的角色 403")
  void uploadNeedsAnUploader() {
    assertThat(EvidenceFixtures.upload(rest.withBasicAuth("x", "y"), "nobody", inTime(), EvidenceFixtures.wav(1), "a.wav")
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(EvidenceFixtures.upload(rest, "expert1", inTime(), EvidenceFixtures.wav(1), "a.wav").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }
}
