package cn.gov.enforcement.recording;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.EnforcementApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The evidence service in another configuration: its own storage with leftovers of a "killed" JVM,
 * and a small upload limit. Another engine, so its own JVM (tag own-jvm) and engine name.
 */
@Tag("own-jvm")
class EvidenceOwnJvmTest {

  static Path root;
  static Path leftoverPart;
  static Path orphanOriginal;
  static ConfigurableApplicationContext app;
  static TestRestTemplate rest;

  @BeforeAll
  static void startWithLeftovers() throws Exception {
    root = Path.of("target", "evidence-own-" + System.nanoTime()).toAbsolutePath();
    Files.createDirectories(root.resolve("partial"));
    leftoverPart = Files.writeString(root.resolve("partial/3f1c.part"), "half an upload");
    orphanOriginal = root.resolve("originals/2026/11/20/9a9a.wav");
    Files.createDirectories(orphanOriginal.getParent());
    Files.write(orphanOriginal, EvidenceFixtures.wav(1));
    Files.writeString(root.resolve("partial/9a9a.pending"), "originals/2026/11/20/9a9a.wav");
    app = new SpringApplicationBuilder(EnforcementApplication.class).run(
        "--spring.datasource.url=jdbc:h2:mem:evidenceown;DB_CLOSE_DELAY=-1",
        "--camunda.bpm.process-engine-name=evidence-own",
        "--recording.storage.root=" + root,
        "--recording.upload.max-size=64KB",
        "--server.port=0", "--camunda.bpm.job-execution.enabled=false", "--spring.jmx.enabled=false");
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    rest = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  @DisplayName("ACC-01 启动清扫：被杀进程留下的部分文件与未提交的原始文件在启动时清除")
  void startupSweepRemovesLeftovers() {
    assertThat(leftoverPart).doesNotExist();
    assertThat(orphanOriginal).doesNotExist();
    assertThat(root.resolve("partial/9a9a.pending")).doesNotExist();
  }

  @Test
  @DisplayName("ACC-01 超过可配置的大小上限：413，不留文件也不留记录")
  @SuppressWarnings("rawtypes")
  void overTheLimitIs413() throws Exception {
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    long rows = jdbc.queryForObject("SELECT COUNT(*) FROM recording", Long.class);
    ResponseEntity<Map> tooBig = EvidenceFixtures.upload(rest, "officer1", EvidenceFixtures.justRecorded("ONSITE_INSPECTION"),
        EvidenceFixtures.wav(6), "big.wav");
    assertThat(tooBig.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(tooBig.getBody()).containsEntry("error", "TOO_LARGE");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recording", Long.class)).isEqualTo(rows);
    try (var files = Files.list(root.resolve("partial"))) {
      assertThat(files).isEmpty();
    }
    ResponseEntity<Map> small = EvidenceFixtures.upload(rest, "officer1", EvidenceFixtures.justRecorded("ONSITE_INSPECTION"),
        EvidenceFixtures.wav(1), "small.wav");
    assertThat(small.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(Files.exists(root.resolve((String) jdbc.queryForObject("SELECT storage_path FROM recording WHERE id = ?",
        String.class, small.getBody().get("id"))))).isTrue();
  }

  @Test
  @DisplayName("ACC-01 未声明长度（分块传输）的上传超过上限：边读边数，413，不留文件也不留记录")
  void overTheLimitWithoutDeclaredLengthIs413() throws Exception {
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    long rows = jdbc.queryForObject("SELECT COUNT(*) FROM recording", Long.class);
    String boundary = "chunked-limit";
    StringBuilder fields = new StringBuilder();
    EvidenceFixtures.justRecorded("ONSITE_INSPECTION").forEach((name, value) -> fields.append("--").append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes((fields + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.wav\"\r\n"
        + "Content-Type: audio/wav\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    body.writeBytes(EvidenceFixtures.wav(6));
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/recordings"))
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("officer1:demo".getBytes()))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        // an InputStream body has no length: the client sends it chunked, so only the count while streaming can stop it
        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body.toByteArray())))
        .build();
    var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("\"error\":\"TOO_LARGE\"").contains(" / the upload exceeds the limit of 65536 bytes");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recording", Long.class)).isEqualTo(rows);
    try (var files = Files.list(root.resolve("partial"))) {
      assertThat(files).isEmpty();
    }
  }
}
