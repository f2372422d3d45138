package cn.gov.enforcement.recording;

import cn.gov.enforcement.audit.AuditAction;
import cn.gov.enforcement.audit.AuditLog;
import cn.gov.enforcement.platform.EngineClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The end of a recording's life (RET-06), as the steps of {@code recording-disposal} use it: the
 * legal-hold review and the disposal itself; keeping a recording for another period is
 * {@link RetentionDecisions#keep}. The delegates only read the process variables and write the outcome back.
 */
@Service
public class RecordingDisposal {

  private final RecordingRepository repository;
  private final RecordingStorage storage;
  private final LegalHold legalHold;
  private final FixityCheck fixity;
  private final RetentionDecisions retention;
  private final AuditLog auditLog;

  public RecordingDisposal(RecordingRepository repository, RecordingStorage storage, LegalHold legalHold,
      FixityCheck fixity, RetentionDecisions retention, AuditLog auditLog) {
    this.repository = repository;
    this.storage = storage;
    this.legalHold = legalHold;
    this.fixity = fixity;
    this.retention = retention;
    this.auditLog = auditLog;
  }

  /** What the records office and the section head decide on: the hold, if any, and a one-line summary. */
  public record Review(Optional<String> legalHold, String summary) {}

  /** The recording a step names; it exists, since only stored recordings start a disposal. */
  Recording recording(String id) {
    return repository.find(id).orElseThrow(() -> new IllegalStateException("recording " + id + " is not stored"));
  }

  /** Task_CheckLegalHold: a hold found now is audited, and blocks the disposal (RET-06). */
  public Review review(String recordingId) {
    Recording recording = recording(recordingId);
    Classification current = repository.currentClassification(recordingId).orElseThrow();
    Optional<String> hold = legalHold.reason(recording);
    String summary = "音像记录 " + recordingId + "：" + recording.activity() + "，案件 " + recording.caseNumber() + "，设备 "
        + recording.deviceNumber() + "，录制 " + RecordingViews.time(recording.startedAt()) + "，保存类别 "
        + current.retentionClass() + "，保存至 " + RecordingViews.time(current.retainUntil()) + "，SHA-256 "
        + recording.sha256();
    hold.ifPresent(reason -> auditLog.append("system", AuditAction.DISPOSAL_BLOCKED, recordingId, reason));
    return new Review(hold, summary);
  }

  /**
   * Task_DisposeRecording: removes the file, never the row — the recording row, its digests and
   * classification history stay, and a DISPOSED event with the digest and the approver is appended
   * (and audited). The legal hold is checked again, because facts may have changed while the review
   * was open; a hold that appeared meanwhile keeps the recording. A file that no longer matches its
   * digest is not disposed of silently: it raises an integrity incident and the step fails.
   *
   * @return whether the recording was disposed of (false: a hold kept it for another period)
   */
  public boolean dispose(String recordingId, String approver, Object approvalOpinion, Object reviewOpinion) {
    Recording recording = recording(recordingId);
    Optional<String> hold = legalHold.reason(recording);
    if (hold.isPresent()) {
      auditLog.append(approver, AuditAction.DISPOSAL_BLOCKED, recording.id(), hold.get());
      retention.keep(recording.id(), approver, "legal hold found at disposal: " + hold.get());
      return false;
    }
    Optional<String> problem = fixity.check(recording.id());
    if (problem.isPresent()) {
      throw new IllegalStateException("原始文件校验失败，不予销毁 / the original failed its digest check: " + problem.get());
    }
    String detail = "approved by " + approver + ": " + approvalOpinion + "; reviewed: " + reviewOpinion + "; file "
        + recording.storagePath() + " removed";
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
    return true;
  }
}
