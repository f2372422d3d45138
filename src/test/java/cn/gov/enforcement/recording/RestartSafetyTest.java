package cn.gov.enforcement.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An upload either completes and is acknowledged, or leaves nothing: a client that goes away
 * mid-stream leaves no partial file and no row; the sweep (run at every start) removes what a
 * killed JVM left behind. The startup itself is shown in {@link EvidenceOwnJvmTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RestartSafetyTest {

  @LocalServerPort int port;
  @Autowired RecordingStorage storage;
  @Autowired StartupSweep sweep;
  @Autowired JdbcTemplate jdbc;
  @Autowired RepositoryService repositoryService;
  @Autowired org.springframework.boot.test.web.client.TestRestTemplate rest;


  @Test
  @DisplayName("ACC-01 客户端在上传中途断开：不留部分文件，不留记录")
  void clientGoneMidStreamLeavesNothing() throws Exception {
    long rows = jdbc.queryForObject("SELECT COUNT(*) FROM recording", Long.class);
    String boundary = "----evidence" + UUID.randomUUID();
    StringBuilder head = new StringBuilder();
    EvidenceFixtures.justRecorded("ONSITE_INSPECTION").forEach((k, v) -> head.append("--").append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"").append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
    head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n")
        .append("Content-Type: audio/wav\r\n\r\n");
    byte[] fields = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] wav = EvidenceFixtures.wav(30);
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/recordings HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
          + Base64.getEncoder().encodeToString("officer1:demo".getBytes()) + "\r\nContent-Type: multipart/form-data; boundary="
          + boundary + "\r\nContent-Length: " + (fields.length + wav.length + 100) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.write(fields);
      out.write(wav, 0, wav.length / 2);
      out.flush();
      // the server is streaming the file part into partial/ ...
      await().atMost(Duration.ofSeconds(10)).until(() -> partials() > 0);
      // ... when the client disappears without finishing the body
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> partials() == 0);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recording", Long.class)).isEqualTo(rows);
  }

  @Test
  @DisplayName("ACC-01 JVM 被杀后的残留：部分文件与未提交的原始文件被清除，已提交的保留")
  void sweepRemovesLeftoversOfACrash() throws Exception {
    // a .part of an upload that was still streaming
    Path part = Files.writeString(storage.partialDir().resolve(UUID.randomUUID() + RecordingStorage.PART), "half");
    // an original moved into place whose row never committed
    String lost = UUID.randomUUID().toString();
    String lostTarget = "originals/2026/01/02/" + lost + ".wav";
    Files.createDirectories(storage.resolve(lostTarget).getParent());
    Files.write(storage.resolve(lostTarget), EvidenceFixtures.wav(1));
    storage.writeMarker(lost, lostTarget);
    // a committed upload whose marker was not yet removed
    String kept = EvidenceFixtures.uploadId(rest, "officer1", EvidenceFixtures.justRecorded("ONSITE_INSPECTION"),
        EvidenceFixtures.wav(1));
    String keptTarget = jdbc.queryForObject("SELECT storage_path FROM recording WHERE id = ?", String.class, kept);
    storage.writeMarker(kept, keptTarget);

    assertThat(sweep.sweep()).isEqualTo(2);
    assertThat(part).doesNotExist();
    assertThat(storage.resolve(lostTarget)).doesNotExist();
    assertThat(storage.resolve(keptTarget)).exists();
    assertThat(partials()).isZero();
  }

  private long partials() throws Exception {
    try (var files = Files.list(storage.partialDir())) {
      return files.count();
    }
  }
}
