package cn.gov.enforcement.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Issue 15 item 6: the OpenAPI of /api, with Chinese descriptions, served by the app behind the login. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDocumentationTest {

  @Autowired TestRestTemplate rest;

  @Test
  @DisplayName("ACC-07 接口说明 /api/openapi.json：须登录；列出 /api 各接口及中文说明，不含 /engine-rest")
  void openApiIsServedBehindTheLogin() throws Exception {
    assertThat(rest.getForEntity("/api/openapi.json", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> response = rest.withBasicAuth("officer1", "demo").getForEntity("/api/openapi.json", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode spec = new ObjectMapper().readTree(response.getBody());
    assertThat(spec.path("openapi").asText()).startsWith("3.");
    assertThat(spec.path("info").path("title").asText()).isEqualTo("行政执法工作流 API");
    JsonNode paths = spec.path("paths");
    assertThat(paths.has("/api/recordings")).isTrue();
    assertThat(paths.has("/api/cases/{caseNumber}/archive")).isTrue();
    assertThat(paths.has("/api/audit/verify")).isTrue();
    assertThat(paths.has("/api/periods")).isTrue();
    paths.fieldNames().forEachRemaining(path -> assertThat(path).startsWith("/api/"));
    assertThat(paths.path("/api/recordings").path("get").path("summary").asText()).isEqualTo("查找音像资料（REC-09）");
    assertThat(spec.path("components").path("securitySchemes").path("basic").path("scheme").asText()).isEqualTo("basic");
    // the page that shows it is static (it asks for the login itself)
    ResponseEntity<String> page = rest.getForEntity("/api-docs.html", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("/api/openapi.json", "接口说明");
    assertThat(rest.getForEntity("/recordings.html", String.class).getBody()).contains("查找音像资料", "/api/recordings?");
  }
}
