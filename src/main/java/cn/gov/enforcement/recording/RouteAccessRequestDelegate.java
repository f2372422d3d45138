package cn.gov.enforcement.recording;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * recording-access, Task_RouteRequest: checks that every chosen id was offered, leaves confidential
 * recordings out of a party's copy (ACC-05, ACC-06), and names the approving group (ACC-03, ACC-04)
 * in {@code approverGroup}, which the gateway after it reads.
 */
@Component("routeAccessRequest")
public class RouteAccessRequestDelegate implements JavaDelegate {

  private final RecordingRepository repository;

  public RouteAccessRequestDelegate(RecordingRepository repository) {
    this.repository = repository;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AccessPurpose purpose = AccessPurpose.valueOf((String) execution.getVariable("purpose"));
    List<String> chosen = ProcessVariables.strings(execution.getVariable("recordingIds"));
    Set<String> offered = offeredIds(execution);
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException("请选择音像资料 / choose at least one recording");
    }
    List<String> granted = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    boolean confidential = false;
    for (String id : chosen) {
      if (!offered.contains(id)) {
        throw new IllegalArgumentException("音像资料 " + id + " 不在可选列表中 / recording " + id + " was not offered");
      }
      Recording recording = repository.find(id).orElseThrow();
      if (recording.confidential() && purpose == AccessPurpose.PARTY_COPY) {
        excluded.add(id);
      } else {
        confidential |= recording.confidential();
        granted.add(id);
      }
    }
    execution.setVariable("confidentialIncluded", confidential);
    execution.setVariable("approverGroup", purpose.approver(confidential).id());
    execution.setVariable("grantRecordingIds", String.join(",", granted));
    execution.setVariable("excludedRecordingIds", String.join(",", excluded));
    execution.setVariable("requestSummary", "申请人 " + execution.getVariable("requester") + "（"
        + execution.getVariable("requestingParty") + "），用途 " + purpose + "，事由：" + execution.getVariable("reason")
        + "；音像资料：" + String.join("、", granted)
        + (excluded.isEmpty() ? "" : "；涉密不予提供：" + String.join("、", excluded))
        + (confidential ? "；含涉密资料，须局长批准" : ""));
  }

  private static Set<String> offeredIds(DelegateExecution execution) {
    Object options = execution.getVariable("availableRecordings");
    if (options == null) {
      return Set.of();
    }
    String json = options.toString();
    try {
      var nodes = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
      Set<String> ids = new java.util.HashSet<>();
      nodes.forEach(node -> ids.add(node.path("value").asText()));
      return ids;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("availableRecordings is not JSON", e);
    }
  }
}
