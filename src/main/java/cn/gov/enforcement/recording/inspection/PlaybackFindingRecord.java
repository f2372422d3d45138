package cn.gov.enforcement.recording.inspection;

import cn.gov.enforcement.identity.StaffMembership;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.stereotype.Component;

/**
 * recording-playback-check, Task_PlaybackCheck on complete (REC-14): the finding goes into the ledger
 * in the completing transaction — the task does not end without its row. Who checked is the server's
 * (the logged-in user, else the assignee), when is the engine clock; the form's values give only the
 * result ({@code playbackResult}: PASS 合格 / PROBLEM 存在问题) and, for a problem, its description.
 */
@Component("playbackFindingRecord")
public class PlaybackFindingRecord implements TaskListener {

  static final String RESULT = "playbackResult";
  static final String PROBLEM_TEXT = "playbackProblem";

  private final PlaybackChecks checks;
  private final StaffMembership staff;

  public PlaybackFindingRecord(PlaybackChecks checks, StaffMembership staff) {
    this.checks = checks;
    this.staff = staff;
  }

  @Override
  public void notify(DelegateTask task) {
    String doer = staff.doer(task).orElseThrow(() -> new NotValidException(
        "回放检查须由具名的登录用户办理 / the playback check must be completed by a named user"));
    if (!doer.equals(task.getAssignee())) {
      task.setAssignee(doer);
    }
    checks.record((String) task.getVariable(PlaybackTaskSetup.RECORDING_ID), task.getProcessInstanceId(),
        ((Date) task.getVariable(DrawPlaybackSampleDelegate.PERIOD_START)).toInstant(),
        ((Date) task.getVariable(DrawPlaybackSampleDelegate.PERIOD_END)).toInstant(), task.getVariable(RESULT),
        task.getVariable(PROBLEM_TEXT), doer);
  }
}
