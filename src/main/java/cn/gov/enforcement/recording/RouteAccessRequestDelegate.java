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
    AccessPurpose purpose = AccessPurpose.valueOf(RecordingAccessModel.PURPOSE.get(execution));
    RecordingAccessRequests.Routing routing = requests.route(purpose,
        ProcessVariables.strings(RecordingAccessModel.RECORDING_IDS.get(execution)), offeredIds(execution));
    RecordingAccessModel.CONFIDENTIAL_INCLUDED.set(execution, routing.confidentialIncluded());
    RecordingAccessModel.APPROVER_GROUP.set(execution, routing.approverGroup());
    RecordingAccessModel.GRANT_RECORDING_IDS.set(execution, String.join(",", routing.granted()));
    RecordingAccessModel.EXCLUDED_RECORDING_IDS.set(execution, String.join(",", routing.excluded()));
    RecordingAccessModel.REQUEST_SUMMARY.set(execution, "申请人 " + RecordingAccessModel.REQUESTER.get(execution) + "（"
        + RecordingAccessModel.REQUESTING_PARTY.get(execution) + "），用途 " + purpose + "，事由：" + RecordingAccessModel.REASON.get(execution)
        + "；音像资料：" + String.join("、", routing.granted())
        + (routing.excluded().isEmpty() ? "" : "；涉密不予提供：" + String.join("、", routing.excluded()))
        + (routing.confidentialIncluded() ? "；含涉密资料，须局长批准" : ""));
  }

  private static Set<String> offeredIds(DelegateExecution execution) {
    Object options = RecordingAccessModel.AVAILABLE_RECORDINGS.get(execution);
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
