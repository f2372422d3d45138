package cn.gov.enforcement.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13: multipart requests other than the recording upload are held to {@code web.multipart.max-size}
 * (1 MB on the test classpath), with or without a declared length: a bilingual 413, and the deployment
 * the body would have made does not exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MultipartLimitTest {

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;

  @ParameterizedTest(name = "declared length: {0}")
  @ValueSource(booleans = {true, false})
  @DisplayName("引擎接口的多部分请求超过上限：413（中英文说明），不产生部署 / an over-limit multipart body to Camunda's REST API is refused and deploys nothing")
  void overTheLimitIsRefusedAndDeploysNothing(boolean declaredLength) throws Exception {
    String name = "too-large-" + System.nanoTime();
    byte[] body = deployment(name, 1_200_000);
    HttpRequest.BodyPublisher publisher = declaredLength ? HttpRequest.BodyPublishers.ofByteArray(body)
        : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    HttpResponse<String> response = post(publisher);
    assertThat(response.statusCode()).isEqualTo(413);
    JsonNode error = new ObjectMapper().readTree(response.body());
    assertThat(error.path("error").asText()).isEqualTo("TOO_LARGE");
    assertThat(error.path("message").asText()).contains("上限").contains(" / ").contains("exceeds the limit of 1048576 bytes");
    assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();
  }

  @ParameterizedTest(name = "declared length: {0}")
  @ValueSource(booleans = {true, false})
  @DisplayName("上限以内的多部分请求照常到达引擎接口 / a multipart body under the limit reaches Camunda's REST API unchanged")
  void underTheLimitPassesThrough(boolean declaredLength) throws Exception {
    String name = "small-" + System.nanoTime();
    byte[] body = deployment(name, 0);
    HttpRequest.BodyPublisher publisher = declaredLength ? HttpRequest.BodyPublishers.ofByteArray(body)
        : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    HttpResponse<String> response = post(publisher);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(new ObjectMapper().readTree(response.body()).path("name").asText()).isEqualTo(name);
    assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isEqualTo(1);
    repositoryService.createDeploymentQuery().deploymentName(name).list()
        .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
  }

  private HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(body).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static final String BOUNDARY = "limit-test-boundary";

  /** A deployment of one text resource padded to {@code padding} bytes (no model, so no deploy gate applies). */
  private static byte[] deployment(String name, int padding) {
    String text = "x".repeat(padding);
    return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name + "\r\n"
        + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note.txt\"; filename=\"note.txt\"\r\n"
        + "Content-Type: text/plain\r\n\r\n" + text + "note\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
  }
}
