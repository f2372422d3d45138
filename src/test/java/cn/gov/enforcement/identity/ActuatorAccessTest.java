package cn.gov.enforcement.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Who may read the actuator: health for everyone, the metrics (Prometheus) for camunda-admin only.
 * Spring Boot switches the metrics exporters off in tests; {@code @AutoConfigureObservability} keeps
 * them on as in production, which is another context, hence a JVM of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Tag("own-jvm")
@DisplayName("运行指标 / actuator and Prometheus metrics")
class ActuatorAccessTest {

  @Autowired TestRestTemplate rest;

  @Test
  @DisplayName("健康检查无需登录 / /actuator/health and its probes answer without credentials")
  void healthIsOpen() {
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.getForEntity("/actuator/health/liveness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  @DisplayName("系统管理员可读 Prometheus 指标 / camunda-admin reads /actuator/prometheus: JVM, the engine's connection pool, HTTP")
  void adminReadsPrometheus() {
    ResponseEntity<String> response = rest.withBasicAuth("admin", "demo").getForEntity("/actuator/prometheus", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("text/plain");
    assertThat(response.getBody()).contains("jvm_memory_used_bytes", "hikaricp_connections", "process_uptime_seconds");
  }

  @Test
  @DisplayName("未登录读指标返回 401，非管理员 403 / metrics: no credentials → 401, a non-admin → 403, a wrong password → 401")
  void othersMayNotReadMetrics() {
    for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator", "/actuator/info"}) {
      ResponseEntity<String> anonymous = rest.getForEntity(path, String.class);
      assertThat(anonymous.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(anonymous.getBody()).as(path).doesNotContain("jvm_");
      assertThat(rest.withBasicAuth("aux1", "demo").getForEntity(path, String.class).getStatusCode()).as(path)
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(rest.withBasicAuth("admin", "wrong").getForEntity(path, String.class).getStatusCode()).as(path)
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/actuator/prometheus;x=1", "/actuator;x=1/prometheus", "//actuator/prometheus",
      "/actuator/%70rometheus", "/actuator/health/../prometheus", "/actuator/health;x=/../prometheus",
      "/actuator/health/%2e%2e/prometheus", "/ACTUATOR/prometheus", "/actuator/./prometheus"})
  @DisplayName("路径变体绕不过指标的登录要求 / path variants of /actuator/prometheus never answer metrics without credentials")
  void pathVariantsAreGuarded(String path) {
    ResponseEntity<String> response = rest.getForEntity(URI.create(rest.getRootUri() + path), String.class);
    assertThat(response.getStatusCode().value()).as(path).isIn(400, 401, 404);
    assertThat(response.getBody() == null ? "" : response.getBody()).as(path).doesNotContain("jvm_memory");
  }
}
