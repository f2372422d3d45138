package cn.gov.enforcement.inspection;

import cn.gov.enforcement.identity.StaffMembership;
import cn.gov.enforcement.recording.Recording;
import cn.gov.enforcement.recording.RecordingRepository;
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

  private final PlaybackLedger ledger;
  private final RecordingRepository repository;
  private final StaffMembership staff;

  public PlaybackFindingRecord(PlaybackLedger ledger, RecordingRepository repository, StaffMembership staff) {
    this.ledger = ledger;
    this.repository = repository;
    this.staff = staff;
  }

  @Override
  public void notify(DelegateTask task) {
    String doer = staff.doer(task).orElseThrow(() -> new NotValidException(
        "回放检查须由具名的登录用户办理 / the playback check must be completed by a named user"));
    Object result = task.getVariable(RESULT);
    if (!LedgerEntry.PASS.equals(result) && !LedgerEntry.PROBLEM.equals(result)) {
      throw new NotValidException("检查结论须为“合格”或“存在问题” / playbackResult must be PASS or PROBLEM");
    }
    Object problem = task.getVariable(PROBLEM_TEXT);
    String problemText = problem == null || problem.toString().isBlank() ? null : problem.toString().strip();
    if (LedgerEntry.PROBLEM.equals(result) && problemText == null) {
      throw new NotValidException("结论为“存在问题”时须写明问题 / describe the problem (playbackProblem)");
    }
    if (LedgerEntry.PASS.equals(result)) {
      problemText = null;
    }
    if (!doer.equals(task.getAssignee())) {
      task.setAssignee(doer);
    }
    String id = (String) task.getVariable(PlaybackTaskSetup.RECORDING_ID);
    Recording recording = repository.find(id).orElseThrow();
    ledger.append(id, task.getProcessInstanceId(), ((Date) task.getVariable(DrawPlaybackSampleDelegate.PERIOD_START))
        .toInstant(), ((Date) task.getVariable(DrawPlaybackSampleDelegate.PERIOD_END)).toInstant(),
        recording.unit() == null ? PlaybackRules.NO_UNIT : recording.unit(), result.toString(), problemText, doer);
  }
}
