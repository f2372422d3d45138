package cn.gov.enforcement.casework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Fills {@code recordingOptions} (the forms' {@code valuesKey}) from the case's uploaded recordings
 * when a task that concerns recordings is created, so officers pick recordings and never paste ids.
 */
@Component("caseRecordingOptions")
public class CaseRecordingOptions implements TaskListener {

  private final CaseRecordings caseRecordings;

  public CaseRecordingOptions(CaseRecordings caseRecordings) {
    this.caseRecordings = caseRecordings;
  }

  @Override
  public void notify(DelegateTask task) {
    List<Map<String, String>> options = new ArrayList<>();
    for (String id : caseRecordings.ids(task)) {
      Map<String, String> option = new LinkedHashMap<>();
      option.put("label", id);
      option.put("value", id);
      options.add(option);
    }
    task.setVariable("recordingOptions", SpinValues.jsonValue(Spin.JSON(options)).create());
  }
}
