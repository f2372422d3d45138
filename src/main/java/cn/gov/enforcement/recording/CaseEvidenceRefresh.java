package cn.gov.enforcement.recording;

import cn.gov.enforcement.identity.SystemActions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After an upload for a case: every open task of that case that shows a recording pick list gets its
 * list renewed from the store, so an officer who uploads from the task sees the recording in the
 * form at once (the list was filled when the task was created). Done as the system after the
 * upload committed: a failure here never undoes a stored original, the list is renewed at the next
 * upload or task.
 */
@Component
public class CaseEvidenceRefresh {

  private static final Logger LOG = LoggerFactory.getLogger(CaseEvidenceRefresh.class);

  private final TaskService taskService;
  private final CaseEvidence evidence;
  private final SystemActions system;

  public CaseEvidenceRefresh(TaskService taskService, CaseEvidence evidence, SystemActions system) {
    this.taskService = taskService;
    this.evidence = evidence;
    this.system = system;
  }

  void recordingStored(Recording recording) {
    if (recording.caseNumber() == null) {
      return;
    }
    try {
      system.perform(() -> {
        Map<String, Task> tasks = new LinkedHashMap<>();
        taskService.createTaskQuery().taskVariableValueEquals(CaseEvidence.CASE_NUMBER, recording.caseNumber()).list()
            .forEach(t -> tasks.put(t.getId(), t));
        for (Task task : tasks.values()) {
          Map<String, Object> local = taskService.getVariablesLocal(task.getId());
          Object caseNumber = taskService.getVariable(task.getId(), "caseNumber");
          List<String> keys = CaseEvidence.keys(caseNumber, String.valueOf(local.get(CaseEvidence.CASE_NUMBER)));
          if (local.containsKey(CaseEvidence.OPTIONS)) {
            Object activity = local.get(CaseEvidence.ACTIVITY);
            taskService.setVariableLocal(task.getId(), CaseEvidence.OPTIONS,
                evidence.options(evidence.of(keys, activity == null ? null : activity.toString())));
          }
          if (local.containsKey(CaseRecordingWarnings.WARNINGS)) {
            List<Recording> all = evidence.of(keys, null);
            taskService.setVariableLocal(task.getId(), CaseRecordingWarnings.WARNINGS, evidence.warningsText(all));
            taskService.setVariableLocal(task.getId(), CaseRecordingWarnings.COUNT, CaseEvidence.warningCount(all));
          }
        }
      });
    } catch (RuntimeException e) {
      LOG.warn("recording {} stored; renewing the pick lists of case {} failed: {}", recording.id(),
          recording.caseNumber(), e.toString());
    }
  }
}
