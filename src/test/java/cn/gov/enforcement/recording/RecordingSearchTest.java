package cn.gov.enforcement.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

/** REC-09: recordings found by unit, device, officer, party, cause, case and by year / month / day. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordingSearchTest {

  @Autowired TestRestTemplate rest;

  private String tag;
  private String november;
  private String october;
  private String byAux;

  @BeforeEach
  void upload() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-25T02:00:00Z")));
    tag = Long.toString(System.nanoTime(), 36);
    Map<String, String> a = EvidenceFixtures.fields("2026-11-20T10:00:00+08:00", "2026-11-20T10:00:03+08:00");
    a.put("caseNumber", "云建立〔2026〕检" + tag);
    a.put("unit", "城东中队" + tag);
    a.put("deviceNumber", "DSJ-A-" + tag);
    a.put("partyName", "某某建筑公司" + tag);
    a.put("cause", "未经许可擅自施工" + tag);
    november = EvidenceFixtures.uploadId(rest, "officer1", a, EvidenceFixtures.wav(3));
    Map<String, String> b = EvidenceFixtures.fields("2026-10-05T09:00:00+08:00", "2026-10-05T09:00:03+08:00");
    b.put("caseNumber", "云建立〔2026〕检" + tag);
    b.put("unit", "城西中队" + tag);
    b.put("deviceNumber", "DSJ-B-" + tag);
    b.put("officers", "officer2,head1");
    b.put("partyName", "另一商户" + tag);
    b.put("cause", "占道经营" + tag);
    october = EvidenceFixtures.uploadId(rest, "officer2", b, EvidenceFixtures.wav(3));
    Map<String, String> c = EvidenceFixtures.fields("2026-11-20T15:00:00+08:00", "2026-11-20T15:00:03+08:00");
    c.remove("caseNumber");
    c.put("unit", "城东中队" + tag);
    c.put("deviceNumber", "DSJ-A-" + tag);
    byAux = EvidenceFixtures.uploadId(rest, "aux1", c, EvidenceFixtures.wav(3));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private List<String> ids(String user, String query) {
    ResponseEntity<List> response = rest.withBasicAuth(user, "demo").getForEntity("/api/recordings?" + query, List.class);
    assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.OK);
    return ((List<Map<String, Object>>) response.getBody()).stream().map(r -> (String) r.get("id")).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unit=城东中队{tag}|november,byAux",
      "unit=城西中队{tag}|october",
      "deviceNumber=DSJ-A-{tag}|november,byAux",
      "officer=head1&unit=城西中队{tag}|october",
      "officer=officer1&deviceNumber=DSJ-A-{tag}|november,byAux",
      "partyName=建筑公司{tag}|november",
      "cause=占道经营{tag}|october",
      "caseNumber=云建立〔2026〕检{tag}|october,november",
      "caseNumber=云建立〔2026〕检{tag}&year=2026&month=11|november",
      "deviceNumber=DSJ-A-{tag}&year=2026&month=11&day=20|november,byAux",
      "deviceNumber=DSJ-A-{tag}&year=2026&month=11&day=21|",
      "unit=城西中队{tag}&year=2025|"})
  @DisplayName("REC-09 按执法单位、设备编号、执法人员、当事人、案由、案号及年/月/日查找（条件同时成立）")
  void findsByEveryClass(String query, String expected) {
    Map<String, String> names = Map.of("november", november, "october", october, "byAux", byAux);
    List<String> wanted = expected == null ? List.of() : List.of(expected.split(",")).stream().map(names::get).toList();
    List<String> found = ids("head1", query.replace("{tag}", tag));
    if (query.startsWith("caseNumber=") && !query.contains("year")) {
      assertThat(found).containsExactlyElementsOf(wanted); // within a case: by start time
    } else {
      assertThat(found).containsExactlyInAnyOrderElementsOf(wanted);
    }
  }

  @Test
  @DisplayName("REC-09 AUX-03 ACC-06 查找遵守可见范围：执法辅助人员只见本人上传的；按案由查找时取自案件的案由也可找到")
  void searchKeepsVisibility() {
    assertThat(ids("aux1", "unit=城东中队" + tag)).containsExactly(byAux);
    assertThat(ids("aux1", "caseNumber=云建立〔2026〕检" + tag)).isEmpty();
    // recordings outside any case and without a cause carry the configured unit only when none is sent
    Map<String, String> plain = EvidenceFixtures.fields("2026-11-20T11:00:00+08:00", "2026-11-20T11:00:03+08:00");
    plain.put("deviceNumber", "DSJ-C-" + tag);
    String id = EvidenceFixtures.uploadId(rest, "officer1", plain, EvidenceFixtures.wav(3));
    Map<?, ?> stored = rest.withBasicAuth("officer1", "demo").getForObject("/api/recordings/" + id, Map.class);
    assertThat(stored.get("unit")).isEqualTo("县综合行政执法局");
    assertThat(ids("head1", "deviceNumber=DSJ-C-" + tag + "&unit=县综合行政执法局")).containsExactly(id);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"month=11|month", "year=2026&day=3|day", "year=2026&month=13|month",
      "year=2026&month=2&day=30|day", "year=abc|year"})
  @DisplayName("REC-09 查询条件不全或不成立：400，中文说明字段")
  @SuppressWarnings("rawtypes")
  void badCriteriaAreRefused(String query, String field) {
    ResponseEntity<Map> response = rest.withBasicAuth("head1", "demo").getForEntity("/api/recordings?" + query, Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(String.valueOf(response.getBody())).contains(field);
  }
}
