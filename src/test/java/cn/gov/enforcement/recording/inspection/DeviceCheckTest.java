package cn.gov.enforcement.recording.inspection;

import static cn.gov.enforcement.recording.EvidenceFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.recording.CaseEvidence;
import cn.gov.enforcement.recording.EvidenceFixtures;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * REC-15 (JL 第八条): the device register, the responsible officer's pre-duty check with the clock set
 * (stamped by the server), and the flag an upload carries for the reviewer when its device was not
 * registered or not checked on the recording's Beijing day before it began.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeviceCheckTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired CaseEvidence caseRecordings;
  @Autowired DeviceRegister register;

  private String device;

  @BeforeEach
  void registerDevice() {
    device = "DSJ-T" + System.nanoTime();
    assertThat(registerAs("head1", Map.of("deviceNumber", device, "deviceType", "BODY_CAMERA", "responsible", "officer1",
        "unit", "城东中队")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }


  @SuppressWarnings("rawtypes")
  private ResponseEntity<Map> registerAs(String user, Object body) {
    return post(user, "/api/devices", body);
  }

  @SuppressWarnings("rawtypes")
  private ResponseEntity<Map> post(String user, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
  }

  @SuppressWarnings("rawtypes")
  private ResponseEntity<Map> check(String user, String number, Map<String, Object> body) {
    return post(user, "/api/devices/" + number + "/checks", body);
  }

  private static Map<String, Object> allFine() {
    return Map.of("noFault", true, "batterySufficient", true, "storageSufficient", true, "clockSet", true);
  }

  /** Uploads a recording of the device ending a minute before the engine clock; returns its warnings. */
  @SuppressWarnings("unchecked")
  private List<String> uploadWarnings(String number) {
    Map<String, String> fields = EvidenceFixtures.justRecorded("ONSITE_INSPECTION");
    fields.put("deviceNumber", number);
    String id = EvidenceFixtures.uploadId(rest, "officer1", fields, EvidenceFixtures.mp4());
    return (List<String>) rest.withBasicAuth("head1", "demo").getForObject("/api/recordings/{id}", Map.class, id)
        .get("warnings");
  }

  private int checks(String number) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM recording_device_check WHERE device_number = ?", Integer.class, number);
  }

  @Test
  @DisplayName("REC-15 checked (clock set) that Beijing day before the recording began: no device flag")
  void checkedTodayNoFlag() {
    at("2026-12-03T00:00:00Z"); // 08:00 Beijing
    assertThat(check("officer1", device, allFine()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    at("2026-12-03T02:00:00Z"); // 10:00 Beijing
    assertThat(uploadWarnings(device)).noneMatch(w -> w.startsWith("REC-15"));
  }

  @Test
  @DisplayName("REC-15 checked only the day before: the recording is flagged DEVICE_NOT_CHECKED, in the recording's facts and in the reviewer's warnings")
  void checkedYesterdayFlagged() {
    at("2026-12-02T01:00:00Z");
    check("officer1", device, allFine());
    at("2026-12-03T02:00:00Z");
    Map<String, String> fields = EvidenceFixtures.justRecorded("ONSITE_INSPECTION");
    fields.put("deviceNumber", device);
    String id = EvidenceFixtures.uploadId(rest, "officer1", fields, EvidenceFixtures.mp4());
    @SuppressWarnings("unchecked")
    List<String> warnings = (List<String>) rest.withBasicAuth("head1", "demo")
        .getForObject("/api/recordings/{id}", Map.class, id).get("warnings");
    assertThat(warnings).anyMatch(w -> w.startsWith("REC-15 DEVICE_NOT_CHECKED") && w.contains(device)
        && w.contains("2026-12-03"));
    // the reviewer's panel on 负责人审批决定 / 法制审核 reads the same stored warnings
    assertThat(caseRecordings.warningsText(caseRecordings.of(List.of(fields.get("caseNumber")), null)))
        .contains("录制开始前未做执勤前检查").doesNotContain("DEVICE_NOT_CHECKED"); // staff read the Chinese sentence
  }

  @Test
  @DisplayName("REC-15 the day is the Beijing day: a check at 23:59 Beijing does not cover a recording at 00:30 the next Beijing day (same UTC day); a check at 07:50 covers 08:30 (UTC days differ)")
  void beijingDayBoundary() {
    at("2026-12-03T15:59:00Z"); // 23:59 Beijing, 3 Dec
    check("officer1", device, allFine());
    at("2026-12-03T16:32:00Z"); // 00:32 Beijing, 4 Dec; the recording begins ~00:30
    assertThat(uploadWarnings(device)).anyMatch(w -> w.startsWith("REC-15 DEVICE_NOT_CHECKED"));

    String other = "DSJ-U" + System.nanoTime();
    registerAs("head1", Map.of("deviceNumber", other, "deviceType", "BODY_CAMERA", "responsible", "officer1"));
    at("2026-12-04T23:50:00Z"); // 07:50 Beijing, 5 Dec (UTC: 4 Dec)
    check("officer1", other, allFine());
    at("2026-12-05T00:32:00Z"); // 08:32 Beijing, 5 Dec (UTC: 5 Dec)
    assertThat(uploadWarnings(other)).noneMatch(w -> w.startsWith("REC-15"));
  }

  @Test
  @DisplayName("REC-15 a check later the same day does not cover an earlier recording (the clock was not yet set); a failed check flags DEVICE_CHECK_FAILED")
  void laterOrFailedCheckFlagged() {
    at("2026-12-06T01:00:00Z"); // 09:00 Beijing: recorded before the check
    Map<String, String> early = EvidenceFixtures.justRecorded("ONSITE_INSPECTION");
    early.put("deviceNumber", device);
    at("2026-12-06T03:00:00Z");
    check("officer1", device, allFine());
    String id = EvidenceFixtures.uploadId(rest, "officer1", early, EvidenceFixtures.mp4());
    assertThat((List<?>) rest.withBasicAuth("head1", "demo").getForObject("/api/recordings/{id}", Map.class, id)
        .get("warnings")).anyMatch(w -> w.toString().startsWith("REC-15 DEVICE_NOT_CHECKED"));

    at("2026-12-07T00:00:00Z");
    check("officer1", device, Map.of("noFault", true, "batterySufficient", true, "storageSufficient", true,
        "clockSet", false, "note", "时间设置菜单故障"));
    at("2026-12-07T02:00:00Z");
    assertThat(uploadWarnings(device)).anyMatch(w -> w.startsWith("REC-15 DEVICE_CHECK_FAILED") && w.contains("未校准时间"));
  }

  @Test
  @DisplayName("REC-15 a recording from an unregistered device is flagged DEVICE_UNREGISTERED (nobody answers for its clock); it is still stored")
  void unregisteredFlagged() {
    assertThat(uploadWarnings("DSJ-NONE" + System.nanoTime())).anyMatch(w -> w.startsWith("REC-15 DEVICE_UNREGISTERED"));
  }

  @Test
  @SuppressWarnings("rawtypes")
  @DisplayName("REC-15 who and when are the server's: the stored check carries the caller and the engine clock; a body sending checkedBy or checkedAt is refused (400, bilingual), nothing stored")
  void serverStampsWhoAndWhen() {
    at("2026-12-08T00:15:00Z");
    ResponseEntity<Map> done = check("officer1", device, allFine());
    assertThat(done.getBody()).containsEntry("checkedBy", "officer1").containsEntry("checkedAt", "2026-12-08T00:15:00Z")
        .containsEntry("passed", true);
    for (Map.Entry<String, Object> forged : List.<Map.Entry<String, Object>>of(Map.entry("checkedBy", "officer2"),
        Map.entry("checkedAt", "2026-12-08T00:00:00Z"))) {
      Map<String, Object> body = new java.util.HashMap<>(allFine());
      body.put(forged.getKey(), forged.getValue());
      ResponseEntity<Map> refused = check("officer1", device, body);
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat((String) refused.getBody().get("message")).contains(forged.getKey()).contains("由系统记录").contains("server");
    }
    assertThat(checks(device)).isEqualTo(1);
  }

  @Test
  @SuppressWarnings("rawtypes")
  @DisplayName("REC-15 only the device's responsible officer records its check: another officer, the section head, a path variant (;x=1, %2e) are refused and nothing is stored; a re-registration moves the duty")
  void onlyTheResponsibleOfficerChecks() {
    for (String user : List.of("officer2", "head1", "aux1")) {
      ResponseEntity<Map> refused = check(user, device, allFine());
      assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat((String) refused.getBody().get("message")).contains("责任人").contains("responsible");
    }
    for (String variant : List.of(device + ";x=1", device + "%2e", device.toLowerCase())) {
      ResponseEntity<Map> response = post("officer2", "/api/devices/" + variant + "/checks", allFine());
      assertThat(response.getStatusCode().is2xxSuccessful()).as(variant).isFalse();
    }
    assertThat(checks(device)).isZero();
    assertThat(registerAs("head1", Map.of("deviceNumber", device, "deviceType", "BODY_CAMERA", "responsible", "officer2"))
        .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(check("officer1", device, allFine()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(check("officer2", device, allFine()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(register.history(device)).extracting(Device::responsible).containsExactly("officer1", "officer2");
  }

  @Test
  @SuppressWarnings("rawtypes")
  @DisplayName("REC-15 bad input to the register and the check: a clear bilingual 4xx naming the field, nothing stored")
  void refusals() {
    ResponseEntity<Map> officer = registerAs("officer1", Map.of("deviceNumber", "X1", "deviceType", "BODY_CAMERA",
        "responsible", "officer1"));
    assertThat(officer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat((String) officer.getBody().get("message")).contains("科室负责人").contains("section head");
    String fresh = "DSJ-R" + System.nanoTime();
    assertThat(message(registerAs("head1", Map.of("deviceNumber", fresh, "responsible", "officer1")), HttpStatus.BAD_REQUEST))
        .contains("deviceType").contains("缺少");
    assertThat(message(registerAs("head1", Map.of("deviceNumber", fresh, "deviceType", "PHONE", "responsible", "officer1")),
        HttpStatus.BAD_REQUEST)).contains("deviceType").contains("BODY_CAMERA");
    assertThat(message(registerAs("head1", Map.of("deviceNumber", fresh, "deviceType", "CAMERA", "responsible", "aux1")),
        HttpStatus.BAD_REQUEST)).contains("responsible").contains("执法人员");
    assertThat(message(registerAs("head1", Map.of("deviceNumber", "a/b", "deviceType", "CAMERA", "responsible", "officer1")),
        HttpStatus.BAD_REQUEST)).contains("deviceNumber");
    assertThat(message(registerAs("records1", Map.of("deviceNumber", fresh, "deviceType", "CAMERA", "responsible",
        "officer1", "owner", "x")), HttpStatus.BAD_REQUEST)).contains("owner").contains("unknown");
    assertThat(register.current(fresh)).isEmpty();

    assertThat(message(check("officer1", device, Map.of("noFault", true, "batterySufficient", true,
        "storageSufficient", true)), HttpStatus.BAD_REQUEST)).contains("clockSet");
    assertThat(message(check("officer1", device, Map.of("noFault", true, "batterySufficient", true,
        "storageSufficient", true, "clockSet", "yes")), HttpStatus.BAD_REQUEST)).contains("clockSet").contains("true");
    assertThat(message(check("officer1", "DSJ-NOSUCH", allFine()), HttpStatus.NOT_FOUND)).contains("未登记");
    assertThat(checks(device)).isZero();
    for (HttpMethod method : List.of(HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
      assertThat(rest.withBasicAuth("head1", "demo").exchange("/api/devices/" + device, method, null, Map.class)
          .getStatusCode()).as(method.name()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    }
  }

  @Test
  @DisplayName("REC-15 the register and its checks are append-only in the database: UPDATE and DELETE are refused")
  void appendOnlyTables() {
    check("officer1", device, allFine());
    assertThatThrownBy(() -> jdbc.update("UPDATE recording_device SET responsible = 'officer2' WHERE device_number = ?", device))
        .satisfies(PlaybackCheckProcessTest::refusedByTheDatabase);
    assertThatThrownBy(() -> jdbc.update("UPDATE recording_device_check SET checked_by = 'officer2' WHERE device_number = ?",
        device)).satisfies(PlaybackCheckProcessTest::refusedByTheDatabase);
    assertThatThrownBy(() -> jdbc.update("DELETE FROM recording_device_check WHERE device_number = ?", device))
        .satisfies(PlaybackCheckProcessTest::refusedByTheDatabase);
    assertThat(register.current(device).orElseThrow().responsible()).isEqualTo("officer1");
  }

  @Test
  @DisplayName("REC-15 the register page offers the register, the pre-duty check (clock set) and registration through /api/devices")
  void registerPage() {
    String page = rest.getForObject("/devices.html", String.class);
    assertThat(page).contains("执法记录设备登记与执勤前检查", "已按当前时间校准设备时间", "/api/devices");
  }

  @SuppressWarnings("rawtypes")
  private static String message(ResponseEntity<Map> response, HttpStatus status) {
    assertThat(response.getStatusCode()).isEqualTo(status);
    return (String) response.getBody().get("message");
  }
}
