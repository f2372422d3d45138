package cn.gov.enforcement.recording;

import cn.gov.enforcement.identity.SystemActions;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * REC-09 classifies recordings by cause (案由): an upload that names a case but no cause is filed
 * under the case's own {@code cause} (entered when the case was started), read from the engine's
 * history as the system.
 */
@Component
public class CaseCauses {

  private final HistoryService historyService;
  private final SystemActions system;

  public CaseCauses(HistoryService historyService, SystemActions system) {
    this.historyService = historyService;
    this.system = system;
  }

  public Optional<String> cause(String caseNumber) {
    if (caseNumber == null || caseNumber.isBlank()) {
      return Optional.empty();
    }
    return system.run(() -> {
      for (HistoricProcessInstance instance : historyService.createHistoricProcessInstanceQuery()
          .processDefinitionKey("enforcement-case").variableValueEquals("caseNumber", caseNumber)
          .orderByProcessInstanceStartTime().desc().listPage(0, 1)) {
        HistoricVariableInstance cause = historyService.createHistoricVariableInstanceQuery()
            .processInstanceId(instance.getId()).variableName("cause").singleResult();
        if (cause != null && cause.getValue() != null && !String.valueOf(cause.getValue()).isBlank()) {
          return Optional.of(String.valueOf(cause.getValue()).strip());
        }
      }
      return Optional.empty();
    });
  }
}
