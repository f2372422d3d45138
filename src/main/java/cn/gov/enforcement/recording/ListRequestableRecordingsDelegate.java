package cn.gov.enforcement.recording;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * recording-access, Task_ListRecordings: {@link RecordingAccessRequests#requestable} as
 * {@code availableRecordings} — the options of the checklist in which the requester picks them, so
 * ids are chosen from a list, never typed in.
 */
@Component("listRequestableRecordings")
public class ListRequestableRecordingsDelegate implements JavaDelegate {

  private final RecordingAccessRequests requests;

  public ListRequestableRecordingsDelegate(RecordingAccessRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var options = requests.requestable(RecordingAccessModel.REQUESTER.get(execution),
        RecordingAccessModel.CASE_NUMBER.get(execution));
    RecordingAccessModel.AVAILABLE_RECORDINGS.set(execution, SpinValues.jsonValue(RecordingRepository.json(options)).create());
  }
}
