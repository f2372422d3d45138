package cn.gov.enforcement.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 15 item 6: the checked-in OpenAPI of /api, with Chinese descriptions, served behind the login,
 * and describing exactly the /api operations the application has (the write-once 405 answers aside).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiReferenceTest {

  @Autowired TestRestTemplate rest;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  @Test
  @DisplayName("ACC-07 接口说明 /api/openapi.json：须登录；中文说明；与程序实际提供的 /api 接口一一对应")
  void openApiMatchesTheApplication() throws Exception {
    assertThat(rest.getForEntity("/api/openapi.json", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> response = rest.withBasicAuth("officer1", "demo").getForEntity("/api/openapi.json", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode spec = new ObjectMapper().readTree(response.getBody());
    assertThat(spec.path("openapi").asText()).startsWith("3.");
    assertThat(spec.path("info").path("title").asText()).isEqualTo("行政执法工作流 API");
    assertThat(spec.path("paths").path("/api/recordings").path("get").path("summary").asText())
        .isEqualTo("查找音像资料（REC-09）");

    Set<String> described = new TreeSet<>();
    spec.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
      described.add(method.toUpperCase() + " " + path.getKey());
      assertThat(path.getValue().path(method).path("summary").asText()).as(path.getKey()).isNotBlank();
    }));
    Set<String> served = new TreeSet<>();
    mappings.getHandlerMethods().forEach((info, handler) -> {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      if (handler.getMethod().getName().equals("writeOnce")) {
        return; // PUT/PATCH/DELETE → 405 on every recording path, described in the tag
      }
      for (String pattern : info.getPatternValues()) {
        if (pattern.startsWith("/api/")) {
          methods.forEach(m -> served.add(m.name() + " " + pattern.replace("/api/recordings/{id}", "/api/recordings/{id}")));
        }
      }
    });
    assertThat(described).isEqualTo(served);

    ResponseEntity<String> page = rest.getForEntity("/api-docs.html", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("/api/openapi.json", "接口说明");
    assertThat(rest.getForEntity("/recordings.html", String.class).getBody()).contains("查找音像资料", "/api/recordings?");
  }
}
