package cn.gov.enforcement.recording;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * recording-access, Task_RouteRequest: {@link RecordingAccessRequests#route} over the ids offered in
 * {@code availableRecordings}; names the approving group in {@code approverGroup}, which the gateway
 * after it reads, and the summary the approver sees.
 */
@Component("routeAccessRequest")
public class RouteAccessRequestDelegate implements JavaDelegate {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RecordingAccessRequests requests;

  public RouteAccessRequestDelegate(RecordingAccessRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AccessPurpose purpose = AccessPurpose.valueOf((String) execution.getVariable("purpose"));
    RecordingAccessRequests.Routing routing = requests.route(purpose,
        ProcessVariables.strings(execution.getVariable("recordingIds")), offeredIds(execution));
    execution.setVariable("confidentialIncluded", routing.confidentialIncluded());
    execution.setVariable("approverGroup", routing.approverGroup());
    execution.setVariable("grantRecordingIds", String.join(",", routing.granted()));
    execution.setVariable("excludedRecordingIds", String.join(",", routing.excluded()));
    execution.setVariable("requestSummary", "申请人 " + execution.getVariable("requester") + "（"
        + execution.getVariable("requestingParty") + "），用途 " + purpose + "，事由：" + execution.getVariable("reason")
        + "；音像资料：" + String.join("、", routing.granted())
        + (routing.excluded().isEmpty() ? "" : "；涉密不予提供：" + String.join("、", routing.excluded()))
        + (routing.confidentialIncluded() ? "；含涉密资料，须局长批准" : ""));
  }

  private static Set<String> offeredIds(DelegateExecution execution) {
    Object options = execution.getVariable("availableRecordings");
    if (options == null) {
      return Set.of();
    }
    try {
      Set<String> ids = new HashSet<>();
      JSON.readTree(options.toString()).forEach(node -> ids.add(node.path("value").asText()));
      return ids;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("availableRecordings is not JSON", e);
    }
  }
}
