package cn.gov.enforcement.casework;

import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The {@code caseRecordings} bean: which recordings of this case have been uploaded.
 *
 * <p>Until the evidence API is merged, the source is the case variable {@code uploadedRecordings}
 * (ids; a list or comma-separated) that the recording service or an officer sets on the case
 * (e.g. {@code POST /engine-rest/process-instance/{id}/variables}). When the evidence service is
 * merged, this is the one class to change: ask {@code GET /api/recordings?caseNumber=…}.
 */
@Component("caseRecordings")
public class CaseRecordings {

  public List<String> ids(VariableScope scope) {
    return List.copyOf(UserIds.of(scope.getVariable("uploadedRecordings")));
  }

  /** How many recordings the case has now; captured at an activity's end to see later whether one arrived. */
  public int count(VariableScope scope) {
    return ids(scope).size();
  }
}
