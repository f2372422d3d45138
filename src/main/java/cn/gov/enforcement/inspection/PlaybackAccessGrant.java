package cn.gov.enforcement.inspection;

import cn.gov.enforcement.audit.AuditAction;
import cn.gov.enforcement.audit.AuditLog;
import cn.gov.enforcement.recording.AccessGrant;
import cn.gov.enforcement.recording.AccessPurpose;
import cn.gov.enforcement.recording.Recording;
import cn.gov.enforcement.recording.RecordingRepository;
import java.time.Instant;
import java.time.Period;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * recording-playback-check, Task_PlaybackCheck on assignment: the section head who takes the task
 * may play back its recording. Internal viewing is the section head's to approve (ACC-03,
 * {@link AccessPurpose#INTERNAL}), and the spot check is that approval's purpose, so the task grants
 * it — to the assignee only, for this one recording, for a week, audited like any grant. A
 * confidential recording is not granted here: ACC-06 raises its viewing to the director, so the
 * section head requests it through recording-access (the task text says so).
 */
@Component("playbackAccessGrant")
public class PlaybackAccessGrant implements TaskListener {

  static final Period VALIDITY = Period.ofDays(7);

  private final RecordingRepository repository;
  private final AuditLog auditLog;

  public PlaybackAccessGrant(RecordingRepository repository, AuditLog auditLog) {
    this.repository = repository;
    this.auditLog = auditLog;
  }

  @Override
  public void notify(DelegateTask task) {
    String assignee = task.getAssignee();
    String id = (String) task.getVariable(PlaybackTaskSetup.RECORDING_ID);
    Recording recording = repository.find(id).orElse(null);
    if (assignee == null || recording == null || recording.confidential()) {
      return;
    }
    Instant now = DeviceRegister.now();
    if (repository.activeGrant(id, assignee, now).isPresent()) {
      return;
    }
    Instant expires = now.atZone(DeviceRegister.BEIJING).plus(VALIDITY).toInstant();
    repository.insertGrant(new AccessGrant(UUID.randomUUID().toString(), id, assignee, AccessPurpose.INTERNAL.name(),
        "回放检查（抽查） / playback spot check", task.getProcessInstanceId(), "recording-playback-check", now, expires));
    auditLog.append(assignee, AuditAction.ACCESS_GRANTED, id, "grantee=" + assignee + " purpose=INTERNAL playback spot check"
        + " expires=" + expires + " check=" + task.getProcessInstanceId());
  }
}
