package cn.gov.enforcement.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code GET /api/periods} over HTTP, as an integrator calls it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PeriodApiTest {

  private static final ParameterizedTypeReference<Map<String, String>> JSON = new ParameterizedTypeReference<>() {};

  @Autowired
  private TestRestTemplate rest;

  private ResponseEntity<Map<String, String>> get(String query) {
    return rest.withBasicAuth("officer1", "demo").exchange("/api/periods" + query, HttpMethod.GET, null, JSON);
  }

  @Test
  @DisplayName("PER-02 contract example: from 2026-09-11, 20 calendar days → last day 2026-10-08, ends 2026-10-09T00:00:00+08:00")
  void contractExample() {
    ResponseEntity<Map<String, String>> response = get("?from=2026-09-11&days=20&kind=CALENDAR");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "lastDay", "2026-10-08",
        "endsAt", "2026-10-09T00:00:00+08:00",
        "provisional", "false"));
  }

  @Test
  @DisplayName("PER-01 kind=WORKING counts working days across the 2025 National Day (make-up Sat 11 Oct counts)")
  void workingDays() {
    ResponseEntity<Map<String, String>> response = get("?from=2025-09-29&days=5&kind=WORKING");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).containsEntry("lastDay", "2025-10-13").containsEntry("endsAt", "2025-10-14T00:00:00+08:00");
  }

  @Test
  @DisplayName("PER-02 a period ending on the make-up working Sunday 2025-09-28 ends that day")
  void makeUpSunday() {
    assertThat(get("?from=2025-09-18&days=10&kind=CALENDAR").getBody()).containsEntry("lastDay", "2025-09-28");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "?days=20&kind=CALENDAR                   | MISSING_FIELD",
      "?from=2026-09-11&kind=CALENDAR           | MISSING_FIELD",
      "?from=2026-09-11&days=20                 | MISSING_FIELD",
      "?from=&days=20&kind=CALENDAR             | MISSING_FIELD",
      "?from=2026-02-30&days=20&kind=CALENDAR   | INVALID_FIELD",
      "?from=11.09.2026&days=20&kind=CALENDAR   | INVALID_FIELD",
      "?from=99999-01-01&days=20&kind=CALENDAR  | INVALID_FIELD",
      "?from=2026-09-11&days=abc&kind=CALENDAR  | INVALID_FIELD",
      "?from=2026-09-11&days=0&kind=CALENDAR    | INVALID_FIELD",
      "?from=2026-09-11&days=-5&kind=WORKING    | INVALID_FIELD",
      "?from=2026-09-11&days=99999999999&kind=WORKING | INVALID_FIELD",
      "?from=2026-09-11&days=20&kind=WEEKLY     | INVALID_FIELD"})
  @DisplayName("PER-02 missing or invalid parameters are 400 with a Chinese and English message")
  void badRequests(String query, String code) {
    ResponseEntity<Map<String, String>> response = get(query);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("error", code);
    assertThat(response.getBody().get("message")).contains(" / ").containsPattern("\\p{IsHan}");
  }

  @Test
  @DisplayName("PER-05 a period ending in a year without holiday data is answered, marked provisional")
  void unknownYear() {
    ResponseEntity<Map<String, String>> response = get("?from=2099-03-01&days=10&kind=CALENDAR");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).containsEntry("lastDay", "2099-03-11").containsEntry("provisional", "true");
  }

  @Test
  @DisplayName("the calculator is behind HTTP Basic: 401 without credentials")
  void unauthenticated() {
    ResponseEntity<Map<String, String>> response =
        rest.exchange("/api/periods?from=2026-09-11&days=20&kind=CALENDAR", HttpMethod.GET, null, JSON);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getBody()).containsEntry("error", "UNAUTHORIZED");
  }
}
