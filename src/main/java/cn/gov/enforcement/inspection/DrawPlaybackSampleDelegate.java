package cn.gov.enforcement.inspection;

import cn.gov.enforcement.audit.AuditAction;
import cn.gov.enforcement.audit.AuditLog;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * recording-playback-check, Task_DrawSample (REC-14, YX 全过程 第二十二条): draws the period's random
 * sample per unit and leaves it for the section head's playback tasks ({@code playbackSample}, ids
 * comma-separated), with the period and a summary. The draw is audited, so which recordings were
 * chosen — and that they were chosen before anyone looked — is in the hash chain.
 */
@Component("drawPlaybackSample")
public class DrawPlaybackSampleDelegate implements JavaDelegate {

  static final String SAMPLE = "playbackSample";
  static final String COUNT = "playbackCount";
  static final String PERIOD_START = "playbackPeriodStart";
  static final String PERIOD_END = "playbackPeriodEnd";
  static final String SUMMARY = "playbackSummary";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Shanghai"));

  private final PlaybackRules rules;
  private final AuditLog auditLog;

  public DrawPlaybackSampleDelegate(PlaybackRules rules, AuditLog auditLog) {
    this.rules = rules;
    this.auditLog = auditLog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant[] period = rules.period(DeviceRegister.now());
    Map<String, List<String>> candidates = rules.candidates(period[0], period[1]);
    Map<String, List<String>> sample = rules.sample(candidates);
    List<String> ids = sample.values().stream().flatMap(List::stream).toList();
    execution.setVariable(SAMPLE, String.join(",", ids));
    execution.setVariable(COUNT, ids.size());
    execution.setVariable(PERIOD_START, Date.from(period[0]));
    execution.setVariable(PERIOD_END, Date.from(period[1]));
    String range = DAY.format(period[0]) + " 至 " + DAY.format(period[1].minusSeconds(1));
    execution.setVariable(SUMMARY, ids.isEmpty() ? "抽查期间 " + range + " 无可抽查的音像资料"
        : "抽查期间 " + range + "，按单位随机抽取 " + ids.size() + " 件：" + sample.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue().size() + "/" + candidates.get(e.getKey()).size() + " 件")
            .collect(Collectors.joining("；")));
    auditLog.append("system", AuditAction.PLAYBACK_SAMPLE, execution.getProcessInstanceId(),
        "sample drawn for " + period[0] + ".." + period[1] + ": " + String.join(",", ids));
  }
}
