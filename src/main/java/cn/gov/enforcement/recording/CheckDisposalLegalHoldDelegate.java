package cn.gov.enforcement.recording;

import cn.gov.enforcement.audit.AuditAction;
import cn.gov.enforcement.audit.AuditLog;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * recording-disposal, Task_CheckLegalHold: sets {@code legalHold} (RET-06) and the summary the
 * records office and the section head read in their forms.
 */
@Component("checkDisposalLegalHold")
public class CheckDisposalLegalHoldDelegate implements JavaDelegate {

  private final RecordingRepository repository;
  private final LegalHold legalHold;
  private final AuditLog auditLog;

  public CheckDisposalLegalHoldDelegate(RecordingRepository repository, LegalHold legalHold, AuditLog auditLog) {
    this.repository = repository;
    this.legalHold = legalHold;
    this.auditLog = auditLog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String id = (String) execution.getVariable("recordingId");
    Recording recording = repository.find(id).orElseThrow();
    Classification current = repository.currentClassification(id).orElseThrow();
    Optional<String> hold = legalHold.reason(recording);
    execution.setVariable("legalHold", hold.isPresent());
    execution.setVariable("legalHoldReason", hold.orElse(null));
    execution.setVariable("recordingSummary", "音像记录 " + id + "：" + recording.activity() + "，案件 "
        + recording.caseNumber() + "，设备 " + recording.deviceNumber() + "，录制 " + RecordingViews.time(recording.startedAt())
        + "，保存类别 " + current.retentionClass() + "，保存至 " + RecordingViews.time(current.retainUntil())
        + "，SHA-256 " + recording.sha256());
    hold.ifPresent(reason -> auditLog.append("system", AuditAction.DISPOSAL_BLOCKED, id, reason));
  }
}
