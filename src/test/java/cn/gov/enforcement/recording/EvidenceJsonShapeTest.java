package cn.gov.enforcement.recording;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The evidence API's answers are records now (issue 13); their JSON keeps the names and the order the
 * map-built answers had, so clients and Tasklist's 音像资料 tab read them unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EvidenceJsonShapeTest {

  static final List<String> SUMMARY = List.of("id", "sha256", "sm3", "mediaType", "sizeBytes", "durationSeconds",
      "recordedAt", "retentionClass", "minimumRetention", "retainUntil", "longTermMedium", "uploadDeadline", "late",
      "warnings", "warningTexts", "metadataStatus", "activity", "caseNumber", "deviceNumber", "officers", "partyName",
      "startedAt", "endedAt", "clientFileName", "uploadedAt", "uploadedBy", "deviceMake", "deviceModel", "confidential",
      "recordingRequirement", "unit", "cause", "disposed");

  @Autowired TestRestTemplate rest;

  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<String> keys(String json) throws Exception {
    return List.copyOf(JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {}).keySet());
  }

  private static List<String> summaryAnd(String... more) {
    return Stream.concat(SUMMARY.stream(), Stream.of(more)).toList();
  }

  @Test
  @DisplayName("合同 Evidence API：应答字段与顺序不变：上传 201、列表、详情、报告事实 / the evidence API answers keep their fields and order")
  void answersKeepTheirFieldsAndOrder() throws Exception {
    Map<String, String> fields = EvidenceFixtures.justRecorded("ONSITE_INSPECTION");
    ResponseEntity<String> created = EvidenceFixtures.uploadAs(rest, "officer1", fields, EvidenceFixtures.wav(1));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(keys(created.getBody())).containsExactlyElementsOf(SUMMARY);
    String id = (String) JSON.readValue(created.getBody(), Map.class).get("id");

    String list = rest.withBasicAuth("officer1", "demo").getForObject("/api/recordings?caseNumber="
        + fields.get("caseNumber"), String.class);
    assertThat(keys(JSON.readTree(list).get(0).toString())).containsExactlyElementsOf(SUMMARY);

    String detail = rest.withBasicAuth("officer1", "demo").getForObject("/api/recordings/" + id, String.class);
    assertThat(keys(detail)).containsExactlyElementsOf(summaryAnd("storagePath", "confidentialityReason", "segments",
        "evidenceDescription", "facts", "classifications", "events"));
    assertThat(keys(JSON.readTree(detail).get("classifications").get(0).toString()))
        .containsExactly("decidedAt", "decidedBy", "decidedClass", "retentionClass", "retainUntil", "reason");

    String facts = rest.withBasicAuth("officer1", "demo").postForObject("/api/recordings/" + id + "/facts",
        Map.of("disputeOrComplaint", true), String.class);
    assertThat(keys(facts)).containsExactlyElementsOf(summaryAnd("facts", "decidedClass"));
  }
}
