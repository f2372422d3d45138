package cn.gov.enforcement.recording;

import cn.gov.enforcement.audit.AuditAction;
import cn.gov.enforcement.audit.AuditLog;
import cn.gov.enforcement.platform.EngineClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * ACC-02: re-hashes every stored original (SHA-256 and SM3) on the configured cycle; a mismatch or a
 * missing file is recorded on the recording, audited, and raised as a Camunda incident.
 */
@Component
public class FixityCheck {

  private static final Logger LOG = LoggerFactory.getLogger(FixityCheck.class);

  /** The result of one run: how many originals were checked and which failed. */
  public record Report(int checked, List<String> failed) {}

  private final RecordingRepository repository;
  private final RecordingStorage storage;
  private final IntegrityIncidents incidents;
  private final AuditLog auditLog;

  public FixityCheck(RecordingRepository repository, RecordingStorage storage, IntegrityIncidents incidents,
      AuditLog auditLog) {
    this.repository = repository;
    this.storage = storage;
    this.incidents = incidents;
    this.auditLog = auditLog;
  }

  @Scheduled(fixedDelayString = "${recording.fixity.interval}", initialDelayString = "${recording.fixity.initial-delay}")
  public void scheduled() {
    long start = System.nanoTime();
    Report report = checkAll();
    // the duration lets an operator (and e2e/cluster.sh) tell when the run began, which is what the cluster lease orders
    LOG.info("fixity check: {} originals checked, {} failed in {} ms", report.checked(), report.failed().size(),
        (System.nanoTime() - start) / 1_000_000);
  }

  public Report checkAll() {
    int checked = 0;
    List<String> failed = new ArrayList<>();
    String after = "";
    List<String> page;
    while (!(page = repository.idsAfter(after, 500)).isEmpty()) {
      for (String id : page) {
        if (check(id).isPresent()) {
          failed.add(id);
        }
        checked++;
      }
      after = page.get(page.size() - 1);
    }
    return new Report(checked, failed);
  }

  /** Empty when the original is intact (or lawfully disposed), else the problem, already raised. */
  public Optional<String> check(String recordingId) {
    Recording recording = repository.find(recordingId).orElseThrow();
    if (repository.isDisposed(recordingId)) {
      return Optional.empty();
    }
    Optional<String> problem = problem(recording);
    problem.ifPresent(p -> {
      LOG.error("fixity mismatch for recording {}: {}", recordingId, p);
      repository.insertEvent(recordingId, RecordingEvent.FIXITY_MISMATCH, EngineClock.now().toInstant(), "system",
          null, null, p);
      auditLog.append("system", AuditAction.FIXITY_MISMATCH, recordingId, p);
      incidents.raise(recordingId, p);
    });
    return problem;
  }

  Optional<String> problem(Recording recording) {
    Path file = storage.resolve(recording.storagePath());
    if (!Files.exists(file)) {
      return Optional.of("original file missing: " + recording.storagePath());
    }
    try {
      DigestingCopier.Digests now = DigestingCopier.hash(file);
      if (!now.sha256().equals(recording.sha256()) || !now.sm3().equals(recording.sm3())) {
        return Optional.of("digest mismatch: stored sha256=" + recording.sha256() + " now " + now.sha256()
            + "; stored sm3=" + recording.sm3() + " now " + now.sm3());
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("original unreadable: " + e.getMessage());
    }
  }
}
