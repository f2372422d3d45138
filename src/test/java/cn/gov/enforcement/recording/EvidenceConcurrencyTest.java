package cn.gov.enforcement.recording;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.audit.AuditLog;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ACC-07 (issue 11 item 5): audited requests in parallel. Every audit append locks the chain's head
 * row until its transaction commits, so parallel uploads and audited reads all succeed, the chain
 * stays one unbroken line, and nothing is half-stored (rows, originals and partial files counted).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EvidenceConcurrencyTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RecordingStorage storage;
  @Autowired AuditLog auditLog;

  @Test
  @SuppressWarnings("rawtypes")
  @DisplayName("ACC-07 200 个并行上传：200 × 201，每条记录有行有文件，无残留，审计链校验通过")
  void parallelUploadsAllSucceed() throws Exception {
    int uploads = 200;
    String batch = "并发" + System.nanoTime() + "-";
    byte[] wav = EvidenceFixtures.wav(0.1);
    StorageState before = StorageState.of(jdbc, storage);
    List<Callable<ResponseEntity<Map>>> calls = new ArrayList<>();
    for (int i = 0; i < uploads; i++) {
      Map<String, String> fields = EvidenceFixtures.justRecorded("ONSITE_INSPECTION");
      fields.put("caseNumber", batch + i);
      String user = i % 2 == 0 ? "officer1" : "officer2";
      calls.add(() -> EvidenceFixtures.upload(rest, user, fields, wav, "clip.wav"));
    }
    Map<Integer, Integer> statuses = run(calls, uploads);
    assertThat(statuses).isEqualTo(Map.of(201, uploads));

    List<String> paths = jdbc.queryForList("SELECT storage_path FROM recording WHERE case_number LIKE ?", String.class,
        batch + "%");
    assertThat(paths).hasSize(uploads);
    assertThat(paths).allSatisfy(path -> assertThat(Files.isRegularFile(storage.resolve(path))).isTrue());
    StorageState after = StorageState.of(jdbc, storage);
    assertThat(after.rows() - before.rows()).isEqualTo(uploads);
    assertThat(after.originals() - before.originals()).isEqualTo(uploads);
    assertThat(after.partials()).isEqualTo(before.partials());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'UPLOAD' AND subject_kind = 'recording' "
        + "AND target IN (SELECT id FROM recording WHERE case_number LIKE ?)", Integer.class, batch + "%")).isEqualTo(uploads);
    assertThat(auditLog.verify().valid()).isTrue();
  }

  @Test
  @SuppressWarnings("rawtypes")
  @DisplayName("ACC-07 100 个受审计的 GET /api/recordings（10 个并行）：全部 200，审计链校验通过")
  void parallelAuditedReadsAllSucceed() throws Exception {
    long before = jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'LIST'", Long.class);
    List<Callable<ResponseEntity<Map>>> calls = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String user = List.of("officer1", "officer2", "head1", "supervisor1").get(i % 4);
      calls.add(() -> {
        ResponseEntity<Object> response = rest.withBasicAuth(user, "demo").getForEntity("/api/recordings", Object.class);
        return ResponseEntity.status(response.getStatusCode()).build();
      });
    }
    assertThat(run(calls, 10)).isEqualTo(Map.of(200, 100));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'LIST'", Long.class) - before)
        .isEqualTo(100);
    assertThat(auditLog.verify().valid()).isTrue();
  }

  /** Runs the calls on {@code threads} threads released at once; the count of each status. */
  @SuppressWarnings("rawtypes")
  private static Map<Integer, Integer> run(List<Callable<ResponseEntity<Map>>> calls, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<ResponseEntity<Map>>> futures = new ArrayList<>();
      for (Callable<ResponseEntity<Map>> call : calls) {
        futures.add(pool.submit(() -> {
          start.await();
          return call.call();
        }));
      }
      start.countDown();
      Map<Integer, Integer> statuses = new TreeMap<>();
      for (Future<ResponseEntity<Map>> future : futures) {
        statuses.merge(future.get(5, TimeUnit.MINUTES).getStatusCode().value(), 1, Integer::sum);
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }
}
