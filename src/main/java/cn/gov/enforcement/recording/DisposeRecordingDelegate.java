package cn.gov.enforcement.recording;

import cn.gov.enforcement.audit.AuditAction;
import cn.gov.enforcement.audit.AuditLog;
import cn.gov.enforcement.platform.EngineClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * recording-disposal, Task_DisposeRecording (RET-06). Disposal removes the file, never the row: the
 * recording row, its digests and classification history stay, and a DISPOSED event with the digest
 * and the approver is appended (and audited) — write-once holds, the end of life is recorded.
 * The legal hold is checked again here, because facts may have changed while the review was open;
 * a hold that appeared meanwhile keeps the recording. A file that no longer matches its digest is
 * not disposed of silently: it raises an integrity incident and the step fails.
 */
@Component("disposeRecording")
public class DisposeRecordingDelegate implements JavaDelegate {

  private final RecordingRepository repository;
  private final RecordingStorage storage;
  private final LegalHold legalHold;
  private final FixityCheck fixity;
  private final RetentionClassifier classifier;
  private final AuditLog auditLog;
  private final IdentityService identityService;

  public DisposeRecordingDelegate(RecordingRepository repository, RecordingStorage storage, LegalHold legalHold,
      FixityCheck fixity, RetentionClassifier classifier, AuditLog auditLog, IdentityService identityService) {
    this.repository = repository;
    this.storage = storage;
    this.legalHold = legalHold;
    this.fixity = fixity;
    this.classifier = classifier;
    this.auditLog = auditLog;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Recording recording = repository.find((String) execution.getVariable("recordingId")).orElseThrow();
    Authentication authentication = identityService.getCurrentAuthentication();
    String approver = authentication == null ? "unknown" : authentication.getUserId();
    Optional<String> hold = legalHold.reason(recording);
    if (hold.isPresent()) {
      auditLog.append(approver, AuditAction.DISPOSAL_BLOCKED, recording.id(), hold.get());
      classifier.extend(recording, approver, "legal hold found at disposal: " + hold.get());
      execution.setVariable("disposed", false);
      return;
    }
    Optional<String> problem = fixity.check(recording.id());
    if (problem.isPresent()) {
      throw new IllegalStateException("原始文件校验失败，不予销毁 / the original failed its digest check: " + problem.get());
    }
    String detail = "approved by " + approver + ": " + execution.getVariable("approvalOpinion") + "; reviewed: "
        + execution.getVariable("reviewOpinion") + "; file " + recording.storagePath() + " removed";
    repository.insertEvent(recording.id(), RecordingEvent.DISPOSED, EngineClock.now().toInstant(), approver,
        recording.sha256(), recording.sm3(), detail);
    auditLog.append(approver, AuditAction.DISPOSAL, recording.id(), "sha256=" + recording.sha256() + " sm3="
        + recording.sm3() + " " + detail);
    // the file goes only once the DISPOSED event has committed: a rolled-back disposal keeps its file
    Runnable removeFile = () -> {
      try {
        storage.delete(recording.storagePath());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          removeFile.run();
        }
      });
    } else {
      removeFile.run();
    }
    execution.setVariable("disposed", true);
  }
}
