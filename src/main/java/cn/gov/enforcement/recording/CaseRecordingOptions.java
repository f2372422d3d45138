package cn.gov.enforcement.recording;

import cn.gov.enforcement.casework.EnforcementCaseModel;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * {@code caseRecordingOptions}, on create of a task whose form picks recordings (立案审查, 记录调查取证活动,
 * 听证, 立卷归档, 留置送达, 公告送达): fills the task-local {@code recordingOptions} (the forms' {@code valuesKey})
 * from the evidence store, with the case's recordings of the task's activity. Which activity is the
 * task's model property {@code recordingActivity}: a contract activity code, or {@code ${variable}} for
 * the activity the case planned; without it the whole case is listed (立卷归档). The task also keeps
 * the case number and activity, so the evidence panel uploads to them and {@link CaseEvidenceRefresh}
 * renews the list when a recording arrives while the task is open.
 */
@Component("caseRecordingOptions")
public class CaseRecordingOptions implements TaskListener {

  static final String PROPERTY = "recordingActivity";
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{\\s*(\\w+)\\s*}");

  private final CaseEvidence evidence;

  public CaseRecordingOptions(CaseEvidence evidence) {
    this.evidence = evidence;
  }

  @Override
  public void notify(DelegateTask task) {
    String activity = activity(task);
    List<String> keys = CaseEvidence.keys(EnforcementCaseModel.CASE_NUMBER.get(task), CaseEvidence.businessKey(task));
    task.setVariableLocal(CaseEvidence.CASE_NUMBER, keys.isEmpty() ? null : keys.get(0));
    task.setVariableLocal(CaseEvidence.ACTIVITY, activity);
    task.setVariableLocal(CaseEvidence.OPTIONS, evidence.options(evidence.of(keys, activity)));
  }

  static String activity(DelegateTask task) {
    FlowElement element = task.getBpmnModelElementInstance();
    if (element == null || element.getExtensionElements() == null) {
      return null;
    }
    for (CamundaProperties properties : element.getExtensionElements().getChildElementsByType(CamundaProperties.class)) {
      for (CamundaProperty property : properties.getCamundaProperties()) {
        if (PROPERTY.equals(property.getCamundaName()) && property.getCamundaValue() != null) {
          Matcher variable = VARIABLE.matcher(property.getCamundaValue().trim());
          if (variable.matches()) {
            Object value = task.getVariable(variable.group(1));
            return value == null ? null : value.toString();
          }
          return property.getCamundaValue().trim();
        }
      }
    }
    return null;
  }
}
