package cn.gov.enforcement.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #18 item 3: the portal needs no login and opens nothing else. Requests are written to the
 * socket as they are (no client normalises {@code ..}, {@code ;x=1} or {@code %2e}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalSecurityTest {

  @LocalServerPort int port;
  @Autowired PortalRateLimit rateLimit;

  @BeforeEach
  @AfterEach
  void reset() {
    rateLimit.reset();
  }

  /** A raw HTTP/1.1 request; returns the status line, headers and body. */
  private String raw(String method, String path, String... headers) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
      for (String header : headers) {
        request.append(header).append("\r\n");
      }
      request.append(method.equals("POST") ? "Content-Length: 2\r\nContent-Type: application/json\r\n\r\n{}" : "\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static int status(String response) {
    return Integer.parseInt(response.substring(9, 12));
  }

  @Test
  @DisplayName("PUB-07 ACC-07 /public answers without login, read-only, with caching and safety headers, no session cookie, no internal detail")
  void publicNeedsNoLoginAndSetsHeaders() throws IOException {
    for (String path : List.of("/public", "/public/results", "/public/staff", "/public/decisions", "/public/api/results",
        "/public/api/officers", "/public/api/auxiliary-staff", "/public/api/advance", "/public/api/decisions")) {
      String response = raw("GET", path, "Accept-Language: en-US,en;q=0.9");
      assertThat(status(response)).as(path).isEqualTo(200);
      assertThat(response).as(path).containsIgnoringCase("Cache-Control: no-cache").containsIgnoringCase("ETag:")
          .containsIgnoringCase("X-Content-Type-Options: nosniff").containsIgnoringCase("Content-Security-Policy: default-src 'none'")
          .doesNotContainIgnoringCase("Set-Cookie").doesNotContain("Exception", "org.camunda", "cn.gov.");
    }
    String notFound = raw("GET", "/public/nothing-here");
    assertThat(status(notFound)).isEqualTo(404);
    assertThat(notFound).contains("未找到").doesNotContain("Exception", "Whitelabel", "trace");
    assertThat(raw("GET", "/public/api/nothing")).contains("\"code\":\"NOT_FOUND\"");
    String post = raw("POST", "/public/api/results");
    assertThat(status(post)).isEqualTo(405);
    assertThat(post).contains("公示栏目只读", "read-only");
    assertThat(status(raw("DELETE", "/public/results/000000000000000000000000"))).isEqualTo(405);
    String tooLong = raw("GET", "/public/api/results?q=" + "a".repeat(61));
    assertThat(status(tooLong)).isEqualTo(400);
    assertThat(tooLong).contains("QUERY_TOO_LONG", "the search text");
  }

  @Test
  @DisplayName("ACC-07 the portal's openness does not reach other paths: /public/../engine-rest, ;x=1, %2e%2e, case and slash variants all meet the login")
  void pathVariantsDoNotOpenTheEngine() throws IOException {
    for (String path : List.of("/public/../engine-rest/task", "/public/%2e%2e/engine-rest/task", "/public/%2E%2E/engine-rest/task",
        "/public;x=1/../engine-rest/task", "/public/..;/engine-rest/task", "/public/./../engine-rest/process-instance",
        "/PUBLIC/../engine-rest/task", "/public//../engine-rest/user", "/public/..%2fengine-rest/task",
        "/public/../api/recordings", "/public/%2e%2e/api/recordings", "/public/../camunda/api/engine/engine/default/user",
        "/public/..%5cengine-rest/task", "/public/../actuator/env")) {
      String response = raw("GET", path, "Accept: application/json");
      int status = status(response);
      assertThat(status).as(path + " → " + response.lines().findFirst().orElse("")).isNotEqualTo(200);
      assertThat(response).as(path).doesNotContain("\"assignee\"", "\"businessKey\"", "\"email\"", "\"caseNumber\"");
    }
    // an upper-case /PUBLIC is not the portal either (nothing is served there)
    assertThat(status(raw("GET", "/PUBLIC/api/results"))).isNotEqualTo(200);
  }

  @Test
  @DisplayName("ACC-07 a client past the rate limit gets 429 with a bilingual message and Retry-After; other pages of the application are not limited")
  void rateLimitPerClient() throws IOException {
    String response = "";
    int served = 0;
    for (int i = 0; i < 400; i++) {
      response = raw("GET", "/public/api/advance");
      if (status(response) == 429) {
        break;
      }
      served++;
    }
    assertThat(status(response)).as("after %d answers", served).isEqualTo(429);
    assertThat(served).isBetween(100, 200);
    assertThat(response).containsIgnoringCase("Retry-After:").contains("访问过于频繁", "too many requests");
    assertThat(status(raw("GET", "/public"))).isEqualTo(429);
    assertThat(raw("GET", "/public")).contains("访问过于频繁");
    assertThat(status(raw("GET", "/api/openapi.json"))).isEqualTo(401);
  }
}
