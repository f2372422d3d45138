package cn.gov.enforcement.recording;

import cn.gov.enforcement.casework.EnforcementCaseModel;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/**
 * The one use-case service through which a procedure sees the evidence store (bean
 * {@code caseRecordings}, used in BPMN expressions and by this package's listeners): which
 * recordings a case holds, for one activity or all, as pick-list options and as the reviewer's
 * warnings. The case is named by its variable {@code caseNumber}, or, before a case number is
 * given (a hotline complaint at 立案审查), by the instance's business key. The store is read as the
 * system: what a form may offer is the case's evidence, not what the current caller may list;
 * opening a recording's content still follows ACC-03 in {@link ContentAccess}.
 */
@Component("caseRecordings")
public class CaseEvidence {

  /** The task-local variable holding the pick list (the forms' {@code valuesKey}). */
  public static final String OPTIONS = "recordingOptions";
  /** The task-local variable holding which activity the list is filtered by (absent: the whole case). */
  public static final String ACTIVITY = "recordingActivity";
  /** The case number the task's evidence panel uploads to (task-local). */
  public static final String CASE_NUMBER = "recordingCaseNumber";

  private static final DateTimeFormatter LABEL_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm")
      .withZone(ZoneId.of("Asia/Shanghai"));

  private final RecordingRepository repository;

  public CaseEvidence(RecordingRepository repository) {
    this.repository = repository;
  }

  /** The case number the scope belongs to: {@code caseNumber}, else the business key; null outside a case. */
  public static String caseNumberOf(VariableScope scope) {
    return keys(EnforcementCaseModel.CASE_NUMBER.get(scope), businessKey(scope)).stream().findFirst().orElse(null);
  }

  /**
   * The names the case's recordings may be filed under: its case number and its business key (a hotline
   * recording uploaded at 立案审查, before the case number was given, is filed under the business key).
   */
  public static List<String> keys(Object caseNumber, String businessKey) {
    List<String> keys = new ArrayList<>();
    if (caseNumber != null && !caseNumber.toString().isBlank()) {
      keys.add(caseNumber.toString().trim());
    }
    if (businessKey != null && !businessKey.isBlank() && !keys.contains(businessKey)) {
      keys.add(businessKey);
    }
    return keys;
  }

  static String businessKey(VariableScope scope) {
    return scope instanceof DelegateTask task ? task.getExecution().getProcessBusinessKey()
        : scope instanceof DelegateExecution execution ? execution.getProcessBusinessKey() : null;
  }

  /** The case's recordings (under any of its {@code keys}), of one activity when given, in recording order. */
  public List<Recording> of(List<String> keys, String activity) {
    List<Recording> found = new ArrayList<>();
    for (String key : keys) {
      repository.list(key).stream()
          .filter(r -> activity == null || activity.equals(r.activity()))
          .filter(r -> !repository.isDisposed(r.id()))
          .forEach(found::add);
    }
    return found;
  }

  /** The recordings of the scope's case for its current {@code activity}: REC-08 compares this count before and after. */
  public int count(VariableScope scope) {
    Object activity = scope.getVariable("activity");
    return of(keys(EnforcementCaseModel.CASE_NUMBER.get(scope), businessKey(scope)), activity == null ? null : activity.toString())
        .size();
  }

  /** Those of {@code ids} that are recordings of this case (under any of its {@code keys}) in the store. */
  public List<String> stored(List<String> keys, Collection<String> ids) {
    List<String> stored = new ArrayList<>();
    for (String id : ids) {
      repository.find(id).filter(r -> r.caseNumber() != null && keys.contains(r.caseNumber()))
          .ifPresent(r -> stored.add(r.id()));
    }
    return stored;
  }

  /** Label/value pairs for a form's {@code valuesKey}: the officer picks a recording, never pastes an id. */
  public JsonValue options(List<Recording> recordings) {
    List<FormOption> options = recordings.stream().map(r -> new FormOption(label(r), r.id())).toList();
    return SpinValues.jsonValue(Spin.JSON(options)).create();
  }

  static String label(Recording r) {
    String name = r.clientFileName() == null ? r.id().substring(0, 8) : r.clientFileName();
    return name + "（" + ActivityNames.of(r.activity()) + "，" + LABEL_TIME.format(r.startedAt()) + "–"
        + LABEL_TIME.format(r.endedAt()) + "，" + r.mediaType() + (r.warnings().isEmpty() ? "" : "，⚠ " + r.warnings().size()
        + " 条核查提示") + "）";
  }

  /** The warnings the store computed at upload, one markdown line each, for the reviewer (REC-02, REC-05, REC-06). */
  public String warningsText(List<Recording> recordings) {
    StringBuilder text = new StringBuilder();
    for (Recording r : recordings) {
      for (String warning : r.warnings()) {
        text.append("- **").append(label(r)).append("**：").append(WarningTexts.forStaff(warning)).append('\n');
      }
    }
    return text.isEmpty() ? "本案音像资料无核查提示" : text.toString();
  }

  /** How many warnings the recordings carry. */
  public static int warningCount(List<Recording> recordings) {
    return recordings.stream().mapToInt(r -> r.warnings().size()).sum();
  }

  /** The ids a form field delivered: a collection, a JSON array, or comma-separated text. */
  public static List<String> ids(Object value) {
    List<String> ids = new ArrayList<>();
    if (value instanceof Collection<?> collection) {
      collection.forEach(v -> add(ids, v));
    } else if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(e -> add(ids, e.isString() ? e.stringValue() : e.toString()));
    } else if (value != null) {
      for (String part : value.toString().replace("[", "").replace("]", "").replace("\"", "").split("[,，;；\\s]+")) {
        add(ids, part);
      }
    }
    return ids;
  }

  private static void add(List<String> ids, Object value) {
    if (value != null && !value.toString().isBlank() && !ids.contains(value.toString().trim())) {
      ids.add(value.toString().trim());
    }
  }
}
