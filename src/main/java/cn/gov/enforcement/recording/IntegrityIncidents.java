package cn.gov.enforcement.recording;

import cn.gov.enforcement.identity.SystemActions;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * ACC-02: a digest mismatch becomes a Camunda incident that Cockpit shows. Incidents hang on an
 * execution, so each affected recording gets a {@code recording-integrity} instance whose
 * investigation task (records office) carries an incident of type {@value #INCIDENT_TYPE}; a
 * recording that already has an open incident gets no second one.
 */
@Component
public class IntegrityIncidents {

  public static final String PROCESS_KEY = "recording-integrity";
  public static final String INCIDENT_TYPE = "recordingIntegrity";
  static final String TASK = "Task_InvestigateIntegrity";

  private final RuntimeService runtimeService;
  private final SystemActions system;

  public IntegrityIncidents(RuntimeService runtimeService, SystemActions system) {
    this.runtimeService = runtimeService;
    this.system = system;
  }

  /** Returns the open incident for the recording, raising one first if there is none. */
  public Incident raise(String recordingId, String problem) {
    return system.run(() -> {
      Incident open = runtimeService.createIncidentQuery().incidentType(INCIDENT_TYPE).configuration(recordingId)
          .singleResult();
      if (open != null) {
        return open;
      }
      ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, recordingId,
          Variables.createVariables().putValue("recordingId", recordingId)
              .putValue("incidentSummary", "音像记录 " + recordingId + " 完整性校验失败：" + problem
                  + " / integrity check failed: " + problem));
      Execution execution = runtimeService.createExecutionQuery().processInstanceId(instance.getId()).activityId(TASK)
          .singleResult();
      return runtimeService.createIncident(INCIDENT_TYPE, execution.getId(), recordingId,
          "原始音像文件摘要不符或文件缺失 / digest mismatch or missing original: " + problem);
    });
  }
}
