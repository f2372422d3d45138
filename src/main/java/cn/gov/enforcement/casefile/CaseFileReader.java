package cn.gov.enforcement.casefile;

import cn.gov.enforcement.identity.SystemActions;
import cn.gov.enforcement.audit.AuditEntry;
import cn.gov.enforcement.audit.AuditLog;
import cn.gov.enforcement.recording.EvidenceReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * Reads one enforcement case from the engine's history (its own instance and every instance called
 * from it), the evidence store ({@link EvidenceReader}) and the audit log, into a {@link CaseFile}.
 * Field labels and option texts come from the deployed forms, so the record reads as the officer saw
 * it ("处罚决定：批准", not "decision=APPROVE").
 */
@Component
public class CaseFileReader {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(SHANGHAI);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final SystemActions system;
  private final EvidenceReader evidence;
  private final AuditLog auditLog;
  private final Map<String, FormTexts> formsByDeployment = new ConcurrentHashMap<>();

  public CaseFileReader(HistoryService historyService, RepositoryService repositoryService,
      IdentityService identityService, SystemActions system, EvidenceReader evidence, AuditLog auditLog) {
    this.historyService = historyService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.system = system;
    this.evidence = evidence;
    this.auditLog = auditLog;
  }

  /** The process instance of the case with this number (the latest, should a number be reused). */
  public Optional<HistoricProcessInstance> instance(String caseNumber) {
    return system.run(() -> historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(CaseVariables.PROCESS).variableValueEquals(CaseVariables.CASE_NUMBER, caseNumber)
        .orderByProcessInstanceStartTime().desc().listPage(0, 1).stream().findFirst());
  }

  /**
   * The case file. {@code allRecordings}: every recording (the archive package, made as the system)
   * or only those the current caller may see (the view). {@code pending}: a step being completed now,
   * not yet in the history (the archive step itself).
   */
  public Optional<CaseFile> read(String caseNumber, boolean allRecordings, CaseFile.Step pending) {
    List<EvidenceReader.Item> recordings = allRecordings ? evidence.forCase(caseNumber) : evidence.visibleForCase(caseNumber);
    return system.run(() -> instance(caseNumber).map(root -> build(caseNumber, root, recordings,
        pending)));
  }

  private CaseFile build(String caseNumber, HistoricProcessInstance root, List<EvidenceReader.Item> recordings,
      CaseFile.Step pending) {
    Map<String, HistoricProcessInstance> tree = new LinkedHashMap<>();
    tree.put(root.getId(), root);
    historyService.createHistoricProcessInstanceQuery().rootProcessInstanceId(root.getId()).list()
        .forEach(p -> tree.putIfAbsent(p.getId(), p));
    String[] ids = tree.keySet().toArray(String[]::new);

    List<HistoricTaskInstance> tasks = new ArrayList<>();
    for (String id : ids) {
      tasks.addAll(historyService.createHistoricTaskInstanceQuery().processInstanceId(id).list());
    }
    tasks.sort(Comparator.comparing(HistoricTaskInstance::getStartTime).thenComparing(HistoricTaskInstance::getId));
    // a form submitted on a task writes its variables from the task's activity instance (task-local
    // ones carry the task id): that is how each value is attributed to the step that entered it
    Map<String, String> taskOfActivity = new HashMap<>();
    tasks.forEach(t -> taskOfActivity.put(t.getActivityInstanceId(), t.getId()));
    Map<String, List<HistoricVariableUpdate>> byTask = new HashMap<>();
    Map<String, List<HistoricVariableUpdate>> bySystemStep = new LinkedHashMap<>();
    List<HistoricVariableUpdate> atStart = new ArrayList<>();
    for (HistoricDetail detail : historyService.createHistoricDetailQuery().processInstanceIdIn(ids).variableUpdates()
        .orderByTime().asc().list()) {
      HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
      String task = update.getTaskId() != null ? update.getTaskId() : taskOfActivity.get(update.getActivityInstanceId());
      if (task != null) {
        byTask.computeIfAbsent(task, k -> new ArrayList<>()).add(update);
      } else if (root.getId().equals(update.getProcessInstanceId()) && root.getId().equals(update.getActivityInstanceId())
          && update.getRevision() == 0 && root.getStartTime() != null
          && !update.getTime().after(new Date(root.getStartTime().getTime() + 1000))) {
        atStart.add(update);
      } else if (update.getActivityInstanceId() != null) {
        // set by the engine's own steps (server-stamped dates, rule-table results, service steps)
        bySystemStep.computeIfAbsent(update.getActivityInstanceId(), k -> new ArrayList<>()).add(update);
      }
    }

    List<CaseFile.Step> steps = new ArrayList<>();
    FormTexts rootForms = forms(root.getProcessDefinitionId());
    steps.add(new CaseFile.Step(processName(root), "案件登记（启动）", "start", person(root.getStartUserId()),
        instant(root.getStartTime()), instant(root.getStartTime()), "已登记", entries(atStart, rootForms, null)));
    List<CaseFile.Deadline> deadlines = new ArrayList<>();
    for (HistoricTaskInstance task : tasks) {
      HistoricProcessInstance process = tree.get(task.getProcessInstanceId());
      FormTexts forms = forms(task.getProcessDefinitionId());
      UserTask model = userTask(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
      String formRef = model == null ? null : model.getCamundaFormRef();
      boolean isPending = pending != null && task.getEndTime() == null
          && pending.activityId().equals(task.getTaskDefinitionKey());
      Instant ended = isPending ? pending.endedAt() : instant(task.getEndTime());
      String who = isPending ? pending.who() : person(task.getAssignee());
      List<CaseFile.Entry> entries = new ArrayList<>(entries(byTask.getOrDefault(task.getId(), List.of()), forms,
          formRef));
      if (isPending) {
        entries.addAll(pending.entries());
      }
      steps.add(new CaseFile.Step(processName(process), task.getName(), task.getTaskDefinitionKey(), who,
          instant(task.getStartTime()), ended, outcome(task, isPending), entries));
      if (task.getDueDate() != null) {
        Instant due = instant(task.getDueDate());
        String status = ended == null ? "OPEN" : ended.isAfter(due) ? "LATE" : "MET";
        deadlines.add(new CaseFile.Deadline(task.getName(), deadlineRule(model), due, ended, status));
      }
    }

    Map<String, HistoricActivityInstance> activities = new HashMap<>();
    for (String id : ids) {
      historyService.createHistoricActivityInstanceQuery().processInstanceId(id).list()
          .forEach(a -> activities.put(a.getId(), a));
    }
    for (Map.Entry<String, List<HistoricVariableUpdate>> system : bySystemStep.entrySet()) {
      HistoricActivityInstance activity = activities.get(system.getKey());
      HistoricProcessInstance process = tree.get(system.getValue().get(0).getProcessInstanceId());
      FormTexts forms = forms(system.getValue().get(0).getProcessDefinitionId());
      String name = activity == null ? "流程记录" : activity.getActivityName() != null ? activity.getActivityName()
          : activity.getActivityId();
      Instant at = activity == null ? instant(system.getValue().get(0).getTime()) : instant(activity.getStartTime());
      steps.add(new CaseFile.Step(processName(process), name + "（系统记录）", activity == null ? null
          : activity.getActivityId(), "系统", at, activity == null ? at : instant(activity.getEndTime()), "已记录",
          entries(system.getValue(), forms, null)));
    }
    CaseFile.Step first = steps.get(0);
    List<CaseFile.Step> rest = new ArrayList<>(steps.subList(1, steps.size()));
    rest.sort(Comparator.comparing(CaseFile.Step::startedAt, Comparator.nullsLast(Comparator.naturalOrder())));
    steps = new ArrayList<>(List.of(first));
    steps.addAll(rest);

    Map<String, AuditEntry> audit = new TreeMap<>();
    List<String> targets = new ArrayList<>(List.of(caseNumber));
    targets.addAll(tree.keySet());
    recordings.forEach(r -> targets.add(r.id()));
    for (String target : targets) {
      auditLog.forTarget(target).forEach(e -> audit.put(String.format("%019d", e.seq()), e));
    }
    String cause = stringVariable(root.getId(), CaseVariables.CAUSE);
    String party = stringVariable(root.getId(), CaseVariables.PARTY_NAME);
    return new CaseFile(caseNumber, root.getId(), cause, party, instant(root.getStartTime()),
        person(root.getStartUserId()), instant(root.getEndTime()), namingRecordings(steps, recordings), recordings, deadlines,
        List.copyOf(audit.values()));
  }

  /**
   * A step names a recording by its id (a pick list's value); the record shows it as the number it
   * has in section 二 with the start of its digest, which a reader can find there.
   */
  private static List<CaseFile.Step> namingRecordings(List<CaseFile.Step> steps, List<EvidenceReader.Item> recordings) {
    Map<String, String> names = new HashMap<>();
    for (int i = 0; i < recordings.size(); i++) {
      EvidenceReader.Item item = recordings.get(i);
      names.put(item.id(), "音像资料 " + (i + 1) + "（SHA-256 " + item.sha256().substring(0, 12) + "…）");
    }
    if (names.isEmpty()) {
      return steps;
    }
    return steps.stream().map(step -> new CaseFile.Step(step.process(), step.name(), step.activityId(), step.who(),
        step.startedAt(), step.endedAt(), step.outcome(), step.entries().stream().map(entry -> {
          String value = entry.value();
          for (Map.Entry<String, String> name : names.entrySet()) {
            value = value == null ? null : value.replace(name.getKey(), name.getValue());
          }
          return new CaseFile.Entry(entry.key(), entry.label(), value);
        }).toList())).toList();
  }

  private String outcome(HistoricTaskInstance task, boolean pending) {
    if (pending) {
      return "已完成";
    }
    if (task.getEndTime() == null) {
      return "办理中";
    }
    String reason = task.getDeleteReason();
    return reason == null || "completed".equals(reason) ? "已完成" : "已终止（" + reason + "）";
  }

  private List<CaseFile.Entry> entries(List<HistoricVariableUpdate> updates, FormTexts forms, String formRef) {
    // the last value a step set for each variable, in the order first set
    Map<String, Object> last = new LinkedHashMap<>();
    for (HistoricVariableUpdate update : updates) {
      if (!update.getVariableName().endsWith("Options") && !CaseVariables.NOT_RECORDS.contains(update.getVariableName())) {
        last.put(update.getVariableName(), update.getValue());
      }
    }
    List<CaseFile.Entry> entries = new ArrayList<>();
    last.forEach((key, value) -> entries.add(new CaseFile.Entry(key, forms.label(formRef, key), forms.text(formRef, key,
        value))));
    return entries;
  }

  private UserTask userTask(String processDefinitionId, String key) {
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(processDefinitionId);
    return model == null ? null : model.getModelElementById(key) instanceof UserTask task ? task : null;
  }

  private static String deadlineRule(UserTask task) {
    if (task == null || task.getExtensionElements() == null) {
      return null;
    }
    return task.getExtensionElements().getElementsQuery()
        .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream()).filter(p -> "deadline".equals(p.getCamundaName()))
        .map(CamundaProperty::getCamundaValue).findFirst().orElse(null);
  }

  private String processName(HistoricProcessInstance instance) {
    if (instance == null) {
      return "";
    }
    ProcessDefinition definition = repositoryService.getProcessDefinition(instance.getProcessDefinitionId());
    return definition.getName() != null ? definition.getName() : definition.getKey();
  }

  private String stringVariable(String processInstanceId, String name) {
    var variable = historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableName(name).list().stream().findFirst().orElse(null);
    return variable == null || variable.getValue() == null ? null : String.valueOf(variable.getValue());
  }

  /** 「陈科长（head1）」; the id alone when the user is not (or no longer) in the identity store. */
  String person(String userId) {
    if (userId == null) {
      return "系统";
    }
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return userId;
    }
    String name = (user.getFirstName() == null ? "" : user.getFirstName())
        + (user.getLastName() == null ? "" : user.getLastName());
    return name.isBlank() ? userId : name + "（" + userId + "）";
  }

  private FormTexts forms(String processDefinitionId) {
    ProcessDefinition definition = repositoryService.getProcessDefinition(processDefinitionId);
    return formsByDeployment.computeIfAbsent(definition.getDeploymentId(), this::readForms);
  }

  /** Labels and option texts of every form deployed with the process (keyed by form id). */
  private FormTexts readForms(String deploymentId) {
    FormTexts texts = new FormTexts();
    for (String resource : repositoryService.getDeploymentResourceNames(deploymentId)) {
      if (!resource.endsWith(".form")) {
        continue;
      }
      try (InputStream in = repositoryService.getResourceAsStream(deploymentId, resource)) {
        JsonNode form = JSON.readTree(in);
        texts.add(form.path("id").asText(resource), form);
      } catch (Exception e) {
        // a form that cannot be read only loses its labels: the keys are shown instead
      }
    }
    return texts;
  }

  static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  /** Labels (key → 标签) and option texts (key → value → 文本) per form, plus all forms merged. */
  static final class FormTexts {
    private final Map<String, Map<String, String>> labels = new HashMap<>();
    private final Map<String, Map<String, Map<String, String>>> options = new HashMap<>();

    void add(String formId, JsonNode form) {
      collect(formId, form);
      collect("", form);
    }

    private void collect(String formId, JsonNode node) {
      if (node.isArray()) {
        node.forEach(n -> collect(formId, n));
        return;
      }
      if (!node.isObject()) {
        return;
      }
      String key = node.path("key").asText(null);
      String label = node.path("label").asText(null);
      if (key != null && label != null && !label.isBlank()) {
        labels.computeIfAbsent(formId, k -> new HashMap<>()).putIfAbsent(key, label);
      }
      if (key != null && node.path("values").isArray()) {
        Map<String, String> values = options.computeIfAbsent(formId, k -> new HashMap<>())
            .computeIfAbsent(key, k -> new HashMap<>());
        node.path("values").forEach(v -> values.putIfAbsent(v.path("value").asText(), v.path("label").asText()));
      }
      node.fields().forEachRemaining(f -> {
        if (f.getValue().isContainerNode()) {
          collect(formId, f.getValue());
        }
      });
    }

    String label(String formRef, String key) {
      String own = formRef == null ? null : labels.getOrDefault(formRef, Map.of()).get(key);
      if (own != null) {
        return own;
      }
      String any = labels.getOrDefault("", Map.of()).get(key);
      return any != null ? any : CaseVariables.SYSTEM_LABELS.getOrDefault(key, key);
    }

    String text(String formRef, String key, Object value) {
      if (value == null) {
        return "（空）";
      }
      if (value instanceof Boolean b) {
        return b ? "是" : "否";
      }
      if (value instanceof Date d) {
        return TIME.format(d.toInstant());
      }
      if (value instanceof Collection<?> c) {
        return String.join("、", c.stream().map(v -> text(formRef, key, v)).toList());
      }
      String raw = String.valueOf(value);
      Map<String, String> own = formRef == null ? Map.of() : options.getOrDefault(formRef, Map.of()).getOrDefault(key,
          Map.of());
      String option = own.getOrDefault(raw, options.getOrDefault("", Map.of()).getOrDefault(key, Map.of()).get(raw));
      if (option == null) {
        option = CaseVariables.SYSTEM_VALUES.getOrDefault(key, Map.of()).get(raw);
      }
      // the option's text as the officer chose it; the stored code stays in the JSON view
      return option != null && !option.isBlank() ? option : raw;
    }
  }

}
