package cn.gov.enforcement.recording;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * recording-access, Task_ListRecordings: the recordings the requester may see (ACC-06), optionally of
 * one case, as {@code availableRecordings} — the options of the checklist in which the requester
 * picks them, so ids are chosen from a list, never typed in.
 */
@Component("listRequestableRecordings")
public class ListRequestableRecordingsDelegate implements JavaDelegate {

  private final RecordingRepository repository;
  private final IdentityService identityService;

  public ListRequestableRecordingsDelegate(RecordingRepository repository, IdentityService identityService) {
    this.repository = repository;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Caller requester = requester(identityService, (String) execution.getVariable("requester"));
    String caseNumber = (String) execution.getVariable("caseNumber");
    List<Map<String, String>> options = repository.list(caseNumber).stream()
        .filter(requester::maySee)
        .filter(r -> !repository.isDisposed(r.id()))
        .map(r -> {
          Map<String, String> option = new LinkedHashMap<>();
          option.put("label", (r.caseNumber() == null ? "" : r.caseNumber() + " · ") + r.activity() + " · "
              + RecordingViews.time(r.startedAt()) + " · " + r.deviceNumber() + (r.confidential() ? " · 涉密" : ""));
          option.put("value", r.id());
          return option;
        }).toList();
    execution.setVariable("availableRecordings", SpinValues.jsonValue(RecordingRepository.json(options)).create());
  }

  static Caller requester(IdentityService identityService, String userId) {
    if (userId == null) {
      throw new IllegalStateException("recording-access needs the requester (camunda:initiator)");
    }
    return new Caller(userId, identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
  }
}
