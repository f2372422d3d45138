package cn.gov.enforcement.recording;

import cn.gov.enforcement.identity.SystemActions;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * RET-06: a recording under legal hold is never disposed of — LONG_TERM or kept with the case file,
 * or linked to a case, review or lawsuit that is still open. "Open" is read from the engine (the
 * capabilities meet only there): a running procedure other than the recording procedures whose
 * business key or {@code caseNumber} variable is the recording's case number.
 */
@Component
public class LegalHold {

  private final RecordingRepository repository;
  private final RuntimeService runtimeService;
  private final SystemActions system;

  public LegalHold(RecordingRepository repository, RuntimeService runtimeService, SystemActions system) {
    this.repository = repository;
    this.runtimeService = runtimeService;
    this.system = system;
  }

  /** Why the recording must be kept, or empty. */
  public Optional<String> reason(Recording recording) {
    Classification current = repository.currentClassification(recording.id()).orElseThrow();
    if (current.retentionClass().isLegalHold()) {
      return Optional.of("retention class " + current.retentionClass() + " / 保存类别为" + current.retentionClass());
    }
    Boolean litigation = current.facts().get("reviewOrLitigation");
    if (Boolean.TRUE.equals(litigation)) {
      return Optional.of("administrative review or litigation / 涉及复议或诉讼");
    }
    if (recording.caseNumber() == null) {
      return Optional.empty();
    }
    return system.run(() -> {
      var byKey = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(recording.caseNumber()).active().list();
      var byVariable = runtimeService.createProcessInstanceQuery().variableValueEquals("caseNumber", recording.caseNumber())
          .list();
      return java.util.stream.Stream.concat(byKey.stream(), byVariable.stream())
          .filter(instance -> !instance.getProcessDefinitionId().startsWith("recording-"))
          .map(ProcessInstance::getProcessDefinitionId)
          .findFirst()
          .map(definition -> "open procedure " + definition.substring(0, definition.indexOf(':') < 0
              ? definition.length() : definition.indexOf(':')) + " for case " + recording.caseNumber()
              + " / 案件 " + recording.caseNumber() + " 仍在办理中");
    });
  }
}
