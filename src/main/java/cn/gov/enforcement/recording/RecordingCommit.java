package cn.gov.enforcement.recording;

import cn.gov.enforcement.audit.AuditAction;
import cn.gov.enforcement.audit.AuditLog;
import cn.gov.enforcement.audit.RowDigest;
import cn.gov.enforcement.identity.BureauGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes an accepted upload durable, all or nothing (ACC-01): the rows (recording, classification,
 * deadline warning, interruption), the move of the file from {@code partial/} into place and the
 * audit entry commit together; if the transaction does not commit, the moved original is removed
 * again (a marker file lets the startup sweep finish that after a crash).
 */
@Component
public class RecordingCommit {

  private static final Logger LOG = LoggerFactory.getLogger(RecordingCommit.class);

  private final RecordingStorage storage;
  private final RecordingRepository repository;
  private final UploadDeadlineWarnings deadlineWarnings;
  private final RecordingInterruptions interruptions;
  private final AuditLog auditLog;
  private final TransactionTemplate transaction;
  private final CaseEvidenceRefresh caseEvidence;

  public RecordingCommit(RecordingStorage storage, RecordingRepository repository,
      UploadDeadlineWarnings deadlineWarnings, RecordingInterruptions interruptions, AuditLog auditLog,
      TransactionTemplate transaction, CaseEvidenceRefresh caseEvidence) {
    this.storage = storage;
    this.repository = repository;
    this.deadlineWarnings = deadlineWarnings;
    this.interruptions = interruptions;
    this.auditLog = auditLog;
    this.transaction = transaction;
    this.caseEvidence = caseEvidence;
  }

  /**
   * Stores {@code recording} with its first classification and moves {@code partial} to the
   * recording's storage path; {@code interruptionReason} is non-null when the upload said the
   * recording was stopped (REC-16).
   *
   * @return the classification as stored
   * @throws IOException the marker file could not be written (nothing was stored)
   */
  Classification commit(Recording recording, Classification classification, Path partial, Caller uploader,
      boolean stopped, String interruptionReason) throws IOException {
    String id = recording.id();
    String target = recording.storagePath();
    storage.writeMarker(id, target);
    boolean moved = false;
    try {
      Classification stored = transaction.execute(status -> {
        repository.insert(recording);
        repository.insertClassification(classification);
        deadlineWarnings.recordingIngested(recording);
        if (stopped) {
          interruptions.recordingStopped(recording, interruptionReason);
        }
        try {
          storage.moveIntoPlace(partial, target);
        } catch (IOException e) {
          throw new IllegalStateException("cannot move the upload into place", e);
        }
        // last: the audit append locks the chain's head row until this transaction commits (issue 11),
        // and carries the digest of the recording row as stored
        auditLog.appendCovering(uploader.userId(), AuditAction.UPLOAD, RowDigest.RECORDING, id,
            "sha256=" + recording.sha256() + " sm3=" + recording.sm3()
            + " size=" + recording.sizeBytes() + " type=" + recording.mediaType() + " case=" + recording.caseNumber()
            + " officers=" + String.join(",", recording.officers())
            + (uploader.in(BureauGroup.AUXILIARY_STAFF) ? " (uploaded by auxiliary staff for the named officers, AUX-04)" : "")
            + " retention=" + classification.retentionClass() + " warnings=" + recording.warnings().size());
        return repository.currentClassification(id).orElseThrow();
      });
      moved = true;
      caseEvidence.recordingStored(recording);
      return stored;
    } finally {
      if (!moved) {
        // the row did not commit: the original must not stay (either complete and acknowledged, or nothing)
        try {
          Files.deleteIfExists(storage.resolve(target));
        } catch (IOException e) {
          LOG.warn("cannot remove {} after a failed commit; the startup sweep will", target);
        }
      }
      storage.deleteMarker(id);
    }
  }
}
