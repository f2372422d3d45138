package cn.gov.enforcement.recording;

import cn.gov.enforcement.identity.SystemActions;
import cn.gov.enforcement.identity.BureauGroup;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * Which recordings a caller may see through the evidence API: ACC-06 (confidential ones only for the
 * circle of {@link Caller#maySee}) and, for auxiliary staff, AUX-03 / ACC-06: an auxiliary works
 * under named officers on named cases (AUX-02), so they see the recordings they uploaded and those
 * of the enforcement cases they are named an assistant on ({@code assistants} of
 * {@code enforcement-case}, written by the investigators' step) — not every recording with its
 * party names. Someone who also holds another bureau group is judged by that group.
 */
@Component
public class RecordingVisibility {

  /** Groups whose members see all non-confidential recordings. */
  static final Set<String> FULL_READERS = Set.of(BureauGroup.DIRECTOR.id(), BureauGroup.DEPUTY_DIRECTOR.id(),
      BureauGroup.LEGAL_AFFAIRS.id(), BureauGroup.SECTION_HEAD.id(), BureauGroup.ENFORCEMENT_OFFICER.id(),
      BureauGroup.RECORDS_OFFICE.id(), BureauGroup.SUPERVISOR.id(), BureauGroup.CAMUNDA_ADMIN.id());

  private final RecordingRepository repository;
  private final HistoryService historyService;
  private final SystemActions system;

  public RecordingVisibility(RecordingRepository repository, HistoryService historyService, SystemActions system) {
    this.repository = repository;
    this.historyService = historyService;
    this.system = system;
  }

  /** The recording, if the caller may see it; else 404, as if it did not exist. */
  public Recording require(String id, Caller caller) {
    Recording recording = repository.find(id).orElseThrow(() -> Refusals.notFound(id));
    if (!forCaller(caller).test(recording)) {
      // ACC-06: a confidential recording does not exist for those outside the circle, nor another
      // case's recording for auxiliary staff (AUX-03)
      throw Refusals.notFound(id);
    }
    return recording;
  }

  /** The test for one request (the assisted cases are looked up once). */
  public Predicate<Recording> forCaller(Caller caller) {
    if (!caller.in(BureauGroup.AUXILIARY_STAFF) || caller.inAny(FULL_READERS)) {
      return caller::maySee;
    }
    Set<String> cases = assistedCases(caller.userId());
    return r -> caller.maySee(r) && (caller.userId().equals(r.uploadedBy())
        || (r.caseNumber() != null && cases.contains(r.caseNumber())));
  }

  /** Case numbers of the enforcement cases naming {@code user} among their assistants (read as the system). */
  Set<String> assistedCases(String user) {
    return system.run(() -> {
      List<HistoricProcessInstance> instances = historyService.createHistoricProcessInstanceQuery()
          .processDefinitionKey("enforcement-case").variableValueLike("assistants", "%" + user + "%").list();
      Set<String> cases = new HashSet<>();
      for (HistoricProcessInstance instance : instances) {
        List<HistoricVariableInstance> variables = historyService.createHistoricVariableInstanceQuery()
            .processInstanceId(instance.getId()).variableNameIn("assistants", "caseNumber").list();
        Object assistants = variables.stream().filter(v -> "assistants".equals(v.getName())).findFirst()
            .map(HistoricVariableInstance::getValue).orElse(null);
        boolean named = assistants != null && Arrays.stream(String.valueOf(assistants).split(","))
            .map(String::trim).anyMatch(user::equals);
        if (named) {
          variables.stream().filter(v -> "caseNumber".equals(v.getName()) && v.getValue() != null)
              .forEach(v -> cases.add(String.valueOf(v.getValue())));
        }
      }
      return cases;
    });
  }
}
