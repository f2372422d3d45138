package cn.gov.enforcement.recording.inspection;

import cn.gov.enforcement.recording.AccessPurpose;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * recording-playback-check, Task_PlaybackCheck on assignment: the section head who takes the task
 * may play back its recording. Internal viewing is the section head's to approve (ACC-03,
 * {@link AccessPurpose#INTERNAL}), and the spot check is that approval's purpose, so the task grants
 * it — to the assignee only, for this one recording, for a week, audited like any grant. A
 * confidential recording is not granted here: ACC-06 raises its viewing to the director, so the
 * section head requests it through recording-access (the task text says so). See {@link PlaybackChecks#grantPlayback}.
 */
@Component("playbackAccessGrant")
public class PlaybackAccessGrant implements TaskListener {

  private final PlaybackChecks checks;

  public PlaybackAccessGrant(PlaybackChecks checks) {
    this.checks = checks;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getAssignee() != null) {
      checks.grantPlayback((String) task.getVariable(PlaybackTaskSetup.RECORDING_ID), task.getAssignee(),
          task.getProcessInstanceId());
    }
  }
}
