package cn.gov.enforcement.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** RET-01..RET-05: the class from retention-class at ingest, re-decided by facts, never shortened. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RetentionTest {

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired JdbcTemplate jdbc;


  @SuppressWarnings("rawtypes")
  private Map upload(Map<String, String> fields) {
    ResponseEntity<Map> response = EvidenceFixtures.upload(rest, "officer1", fields, EvidenceFixtures.wav(1), "a.wav");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return response.getBody();
  }

  @Test
  @DisplayName("RET-01 日常巡查且不涉及钱物：保存 6 个月（自录制结束起算）")
  void dailyPatrolSixMonths() {
    Map<String, String> fields = EvidenceFixtures.justRecorded("DAILY_PATROL");
    var body = upload(fields);
    assertThat(body.get("retentionClass")).isEqualTo("SIX_MONTHS");
    assertThat(body.get("minimumRetention")).isEqualTo("P6M");
    assertThat(OffsetDateTime.parse((String) body.get("retainUntil")).toInstant())
        .isEqualTo(OffsetDateTime.parse(fields.get("endedAt")).plusMonths(6).toInstant());
  }

  @Test
  @DisplayName("RET-02 涉及钱物的巡查与其他记录：保存 1 年")
  void othersOneYear() {
    Map<String, String> patrol = EvidenceFixtures.justRecorded("DAILY_PATROL");
    patrol.put("involvesMoneyOrGoods", "true");
    assertThat(upload(patrol).get("retentionClass")).isEqualTo("ONE_YEAR");
    assertThat(upload(EvidenceFixtures.justRecorded("ONSITE_INSPECTION")).get("retentionClass")).isEqualTo("ONE_YEAR");
  }

  @Test
  @DisplayName("RET-04 当事人有异议的记录：上传时即长期保存（刻录光盘或专门硬盘）")
  void disputeLongTerm() {
    Map<String, String> fields = EvidenceFixtures.justRecorded("COMPLAINT_ONSITE");
    fields.put("disputeOrComplaint", "true");
    var body = upload(fields);
    assertThat(body.get("retentionClass")).isEqualTo("LONG_TERM");
    assertThat(body.get("longTermMedium")).isEqualTo(true);
    assertThat(body.get("retainUntil")).isNull();
  }

  @Test
  @DisplayName("RET-05 RET-03 事实变化时重新判定：后来起诉 → 长期保存；再报作为证据 → 仍为长期保存（只延长不缩短）")
  @SuppressWarnings({"rawtypes", "unchecked"})
  void factsOnlyLengthen() {
    String id = (String) upload(EvidenceFixtures.justRecorded("DAILY_PATROL")).get("id");

    ResponseEntity<Map> lawsuit = rest.withBasicAuth("legal1", "demo").postForEntity("/api/recordings/" + id + "/facts",
        Map.of("reviewOrLitigation", true, "reason", "当事人提起行政诉讼"), Map.class);
    assertThat(lawsuit.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(lawsuit.getBody()).containsEntry("retentionClass", "LONG_TERM");

    ResponseEntity<Map> evidence = rest.withBasicAuth("officer1", "demo").postForEntity("/api/recordings/" + id + "/facts",
        Map.of("usedAsEvidence", true, "evidenceDescription", "证明违法事实", "reviewOrLitigation", false), Map.class);
    assertThat(evidence.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(evidence.getBody()).containsEntry("retentionClass", "LONG_TERM").containsEntry("decidedClass", "LONG_TERM");
    // a fact once reported stays: sending false does not withdraw the lawsuit
    assertThat((Map<String, Boolean>) evidence.getBody().get("facts")).containsEntry("reviewOrLitigation", true)
        .containsEntry("usedAsEvidence", true);

    List<String> history = jdbc.queryForList(
        "SELECT retention_class FROM recording_classification WHERE recording_id = ? ORDER BY seq", String.class, id);
    assertThat(history).containsExactly("SIX_MONTHS", "LONG_TERM", "LONG_TERM");
  }

  @Test
  @DisplayName("RET-05 决策结果较短时保持现有类别：随案卷保存的记录不会因其他事实变为 1 年")
  @SuppressWarnings("rawtypes")
  void shorterDecisionKeepsTheCurrentClass() {
    Map<String, String> fields = EvidenceFixtures.justRecorded("ONSITE_INSPECTION");
    fields.put("usedAsEvidence", "true");
    fields.put("evidenceDescription", "现场勘验");
    String id = (String) upload(fields).get("id");
    ResponseEntity<Map> response = rest.withBasicAuth("head1", "demo").postForEntity("/api/recordings/" + id + "/facts",
        Map.of("usedAsEvidence", false), Map.class);
    assertThat(response.getBody()).containsEntry("retentionClass", "WITH_CASE_FILE");
  }

  @Test
  @DisplayName("AUX-03 RET-05 辅助人员不能变更保存事实（403）；未知事实 400")
  @SuppressWarnings("rawtypes")
  void factsAreGuarded() {
    String id = (String) upload(EvidenceFixtures.justRecorded("DAILY_PATROL")).get("id");
    assertThat(rest.withBasicAuth("aux1", "demo").postForEntity("/api/recordings/" + id + "/facts",
        Map.of("reviewOrLitigation", true), Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<Map> unknown = rest.withBasicAuth("head1", "demo").postForEntity("/api/recordings/" + id + "/facts",
        Map.of("retentionClass", "SIX_MONTHS"), Map.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(rest.withBasicAuth("head1", "demo").postForEntity("/api/recordings/" + id + "/facts",
        Map.of("usedAsEvidence", true), Map.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  @DisplayName("ACC-06 RET-05 圈外人员对涉密记录报送事实：请求体无论对错均为 404，不泄露记录存在，也不记入保存类别")
  @SuppressWarnings("rawtypes")
  void hiddenRecordingAnswers404WhateverTheBody() {
    Map<String, String> fields = EvidenceFixtures.justRecorded("ONSITE_INSPECTION");
    fields.put("officers", "officer1");
    fields.put("confidential", "true");
    fields.put("confidentialityReason", "涉及商业秘密");
    String secret = (String) upload(fields).get("id");
    // officer2 may report facts, but is outside the circle of this recording
    List<Map<String, ?>> bodies = List.of(Map.of("reviewOrLitigation", true), Map.of("retentionClass", "SIX_MONTHS"),
        Map.of("usedAsEvidence", true), Map.of());
    for (Map<String, ?> body : bodies) {
      ResponseEntity<Map> response = rest.withBasicAuth("officer2", "demo").postForEntity(
          "/api/recordings/" + secret + "/facts", body, Map.class);
      assertThat(response.getStatusCode()).as("body %s", body).isEqualTo(HttpStatus.NOT_FOUND);
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recording_classification WHERE recording_id = ?", Integer.class,
        secret)).isEqualTo(1);
  }
}
