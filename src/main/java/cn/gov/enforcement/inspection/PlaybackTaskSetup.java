package cn.gov.enforcement.inspection;

import cn.gov.enforcement.recording.ActivityNames;
import cn.gov.enforcement.recording.Recording;
import cn.gov.enforcement.recording.RecordingRepository;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * recording-playback-check, Task_PlaybackCheck on create: names the task after its recording and puts
 * what the section head must know before playing it back into the task-local {@code playbackRecording}
 * (case, activity, device, officers, time, the warnings computed at upload, REC-15 among them).
 */
@Component("playbackTaskSetup")
public class PlaybackTaskSetup implements TaskListener {

  static final String RECORDING_ID = "playbackRecordingId";
  static final String DESCRIPTION = "playbackRecording";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(ZoneId.of("Asia/Shanghai"));

  private final RecordingRepository repository;

  public PlaybackTaskSetup(RecordingRepository repository) {
    this.repository = repository;
  }

  @Override
  public void notify(DelegateTask task) {
    String id = (String) task.getVariable(RECORDING_ID);
    Recording r = repository.find(id).orElseThrow(() -> new IllegalStateException("sampled recording " + id + " not stored"));
    task.setName("回放检查：" + (r.caseNumber() == null ? "" : r.caseNumber() + " ") + ActivityNames.of(r.activity())
        + " " + TIME.format(r.startedAt()));
    task.setVariableLocal(DESCRIPTION, "音像资料编号：" + r.id()
        + "\n案号：" + (r.caseNumber() == null ? "（无）" : r.caseNumber())
        + "\n执法单位：" + (r.unit() == null ? PlaybackRules.NO_UNIT : r.unit())
        + "\n执法活动：" + ActivityNames.of(r.activity())
        + "\n录制时间：" + TIME.format(r.startedAt()) + " 至 " + TIME.format(r.endedAt())
        + "\n设备编号：" + r.deviceNumber()
        + "\n执法人员：" + String.join("、", r.officers())
        + (r.partyName() == null ? "" : "\n当事人：" + r.partyName())
        + "\n上传核查提示：" + (r.warnings().isEmpty() ? "无" : "\n- " + String.join("\n- ", r.warnings())));
  }
}
