package cn.gov.enforcement.delivery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Fills {@code recordingOptions} (label/value pairs, the form's {@code valuesKey}) when a task that
 * concerns recordings is created, so the officer picks uploaded recordings instead of pasting ids.
 *
 * <p>Until the evidence API is merged, the source is the process variable
 * {@code uploadedRecordings} (ids, a list or comma-separated) that the recording service or the
 * caller sets; with none uploaded the list is empty and the form says so.
 */
@Component("serviceRecordingOptions")
public class ServiceRecordingOptions implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    List<Map<String, String>> options = new ArrayList<>();
    for (String id : ids(task.getVariable("uploadedRecordings"))) {
      Map<String, String> option = new LinkedHashMap<>();
      option.put("label", id);
      option.put("value", id);
      options.add(option);
    }
    task.setVariable("recordingOptions", SpinValues.jsonValue(Spin.JSON(options)).create());
  }

  static List<String> ids(Object value) {
    List<String> ids = new ArrayList<>();
    if (value instanceof Collection<?> collection) {
      collection.stream().filter(v -> v != null && !v.toString().isBlank()).forEach(v -> ids.add(v.toString().trim()));
    } else if (value != null) {
      for (String id : value.toString().replace("[", "").replace("]", "").replace("\"", "").split(",")) {
        if (!id.isBlank()) {
          ids.add(id.trim());
        }
      }
    }
    return ids;
  }
}
