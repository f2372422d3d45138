package cn.gov.enforcement.deadlines;

import cn.gov.enforcement.platform.TaskDeadlineMarks;
import cn.gov.enforcement.audit.AuditAction;
import cn.gov.enforcement.audit.AuditLog;
import cn.gov.enforcement.calendar.BeijingTime;
import cn.gov.enforcement.calendar.PeriodCalculator;
import cn.gov.enforcement.platform.EngineClock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * PER-07, the one mechanism for every statutory deadline of a user task: the {@code deadlineSweep}
 * delegate of the {@code deadline-watch} process (a timer job every 10 minutes, so on two nodes
 * only one runs it). It looks at open tasks whose model element carries the extension property
 * {@code deadline} (the requirement ID, e.g. {@code LR-06}) and whose due date is near:
 * <ul>
 *   <li>from {@code due − lead} working days ({@code deadlines.lead-days.<ID>}, default
 *       {@code deadlines.lead-days.default} = 3): the task gets the local variable
 *       {@code deadlineSoon = true} (filter 即将到期), a {@code deadline-escalation} instance gives the
 *       assignee or the candidate groups and the section head a 期限预警 task, audit DEADLINE_WARNING;</li>
 *   <li>at the due instant: the task gets {@code overdue = true}, priority 100 and 【超期】 in its
 *       name, the superior group a 超期督办 task, audit DEADLINE_OVERDUE.</li>
 * </ul>
 * Each happens once per task (the local variables say so). The sweep reads the task's current due
 * date, so a due date moved by an entered holiday notice moves its warning too.
 *
 * <p>Why a sweep and not two boundary timers on each task: the due dates are the tasks' own
 * fields, recomputed by the calendar when a notice is entered; timers at {@code due − lead} would
 * be a second copy of every deadline to keep in step. The marking is in the model (the property),
 * the watching and the escalation are models too.
 */
@Component("deadlineSweep")
public class DeadlineSweep implements JavaDelegate {

  public static final String PROPERTY = "deadline";
  public static final int OVERDUE_PRIORITY = 100;
  static final String OVERDUE_MARK = "【超期】";
  static final String ESCALATION_PROCESS = DeadlineEscalationModel.PROCESS_KEY;
  /** Variables of a {@code deadline-escalation} instance about the watched task. */
  static final String WATCHED_TASK = "taskId";
  static final String WATCHED_DUE = "taskDue";
  static final String WATCHED_DUE_TEXT = "taskDueText";
  static final String WATCHED_DUE_PROVISIONAL = "taskDueProvisional";
  /** Further than any lead of a few working days can reach across the longest holiday. */
  private static final int HORIZON_DAYS = 40;

  private final PeriodCalculator calculator;
  private final AuditLog audit;
  private final Environment environment;
  private final Map<String, Optional<String>> ruleByElement = new ConcurrentHashMap<>();

  public DeadlineSweep(PeriodCalculator calculator, AuditLog audit, Environment environment) {
    this.calculator = calculator;
    this.audit = audit;
    this.environment = environment;
  }

  @Override
  public void execute(DelegateExecution execution) {
    sweep(execution.getProcessEngineServices());
  }

  /** One sweep; also called directly by tests after they move the engine clock. Answers how many tasks it changed. */
  public int sweep(ProcessEngineServices engine) {
    TaskService tasks = engine.getTaskService();
    Date now = EngineClock.now();
    Date horizon = Date.from(now.toInstant().plus(java.time.Duration.ofDays(HORIZON_DAYS)));
    int changed = 0;
    for (Task task : tasks.createTaskQuery().active().dueBefore(horizon).list()) {
      Optional<String> rule = rule(engine, task);
      if (rule.isEmpty() || task.getDueDate() == null) {
        continue;
      }
      if (!now.before(task.getDueDate())) {
        if (!Boolean.TRUE.equals(tasks.getVariableLocal(task.getId(), TaskDeadlineMarks.OVERDUE))) {
          markOverdue(engine, task, rule.get());
          changed++;
        }
      } else if (!Boolean.TRUE.equals(tasks.getVariableLocal(task.getId(), TaskDeadlineMarks.SOON)) && warnFrom(task, rule.get()).compareTo(today(now)) <= 0) {
        warn(engine, task, rule.get());
        changed++;
      }
    }
    return changed;
  }

  /** The first day of the warning: {@code lead} working days before the last day of the period. */
  LocalDate warnFrom(Task task, String rule) {
    return calculator.latestDayWorkingDaysBefore(lastDay(task.getDueDate()), leadDays(rule));
  }

  int leadDays(String rule) {
    return environment.getProperty("deadlines.lead-days." + rule, Integer.class,
        environment.getProperty("deadlines.lead-days.default", Integer.class, 3));
  }

  private void warn(ProcessEngineServices engine, Task task, String rule) {
    TaskService tasks = engine.getTaskService();
    tasks.setVariableLocal(task.getId(), TaskDeadlineMarks.SOON, true);
    Set<String> groups = new LinkedHashSet<>(candidateGroups(tasks, task));
    groups.add("section-head");
    Map<String, Object> variables = escalation(engine, task, rule, "WARNING");
    variables.put("warnedUsers", task.getAssignee() == null ? "" : task.getAssignee());
    variables.put("warnedGroups", String.join(",", groups));
    start(engine, task, variables);
    audit.append("system", AuditAction.DEADLINE_WARNING, target(task),
        rule + " " + task.getName() + " due " + dueText(task.getDueDate()) + " → warned " + variables.get("warnedUsers") + " " + groups);
  }

  private void markOverdue(ProcessEngineServices engine, Task task, String rule) {
    TaskService tasks = engine.getTaskService();
    tasks.setVariableLocal(task.getId(), TaskDeadlineMarks.OVERDUE, true);
    tasks.setVariableLocal(task.getId(), TaskDeadlineMarks.SOON, true);
    Task changed = tasks.createTaskQuery().taskId(task.getId()).singleResult();
    if (changed.getName() == null || !changed.getName().startsWith(OVERDUE_MARK)) {
      changed.setName(OVERDUE_MARK + (changed.getName() == null ? "" : changed.getName()));
    }
    String note = "超期：办理期限 " + dueText(task.getDueDate()) + " 已过（" + rule + "） / overdue since " + dueText(task.getDueDate());
    changed.setDescription(changed.getDescription() == null ? note : changed.getDescription() + "\n" + note);
    changed.setPriority(Math.max(changed.getPriority(), OVERDUE_PRIORITY));
    tasks.saveTask(changed);
    Map<String, Object> variables = escalation(engine, task, rule, "OVERDUE");
    String superior = superiorOf(candidateGroups(tasks, task));
    variables.put("superiorGroup", superior);
    start(engine, task, variables);
    audit.append("system", AuditAction.DEADLINE_OVERDUE, target(task),
        rule + " " + task.getName() + " due " + dueText(task.getDueDate()) + " → 超期, superior " + superior);
  }

  /** Who supervises whom: staff → section head → deputy director → director. */
  static String superiorOf(List<String> groups) {
    if (groups.contains("director") || groups.contains("deputy-director")) {
      return "director";
    }
    if (groups.contains("section-head")) {
      return "deputy-director";
    }
    return "section-head";
  }

  private Map<String, Object> escalation(ProcessEngineServices engine, Task task, String rule, String kind) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("deadlineKind", kind);
    variables.put("deadlineRule", rule);
    variables.put(WATCHED_TASK, task.getId());
    variables.put("taskName", task.getName());
    variables.put("taskDefinitionKey", task.getTaskDefinitionKey());
    variables.put(WATCHED_DUE, task.getDueDate());
    variables.put(WATCHED_DUE_TEXT, dueText(task.getDueDate()));
    variables.put(WATCHED_DUE_PROVISIONAL, Boolean.TRUE.equals(engine.getTaskService().getVariableLocal(task.getId(), TaskDeadlineMarks.PROVISIONAL)));
    variables.put("taskAssignee", task.getAssignee() == null ? "（未签收）" : task.getAssignee());
    variables.put("taskGroups", String.join(",", candidateGroups(engine.getTaskService(), task)));
    variables.put("sourceProcessInstanceId", task.getProcessInstanceId());
    variables.put("businessKey", businessKey(engine, task));
    return variables;
  }

  private void start(ProcessEngineServices engine, Task task, Map<String, Object> variables) {
    engine.getRuntimeService().startProcessInstanceByKey(ESCALATION_PROCESS, (String) variables.get("businessKey"), variables);
  }

  private static String businessKey(ProcessEngineServices engine, Task task) {
    if (task.getProcessInstanceId() == null) {
      return null;
    }
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult();
    return instance == null ? null : instance.getBusinessKey();
  }

  private static List<String> candidateGroups(TaskService tasks, Task task) {
    List<String> groups = new ArrayList<>();
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    return groups;
  }

  private Optional<String> rule(ProcessEngineServices engine, Task task) {
    if (task.getProcessDefinitionId() == null) {
      return Optional.empty();
    }
    return ruleByElement.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(), key -> {
      BaseElement element = engine.getRepositoryService().getBpmnModelInstance(task.getProcessDefinitionId())
          .getModelElementById(task.getTaskDefinitionKey());
      if (element == null || element.getExtensionElements() == null) {
        return Optional.empty();
      }
      return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
          .flatMap(properties -> properties.getCamundaProperties().stream())
          .filter(property -> PROPERTY.equals(property.getCamundaName()))
          .map(CamundaProperty::getCamundaValue)
          .findFirst();
    });
  }

  private static String target(Task task) {
    return "task/" + task.getId() + (task.getProcessInstanceId() == null ? "" : " process-instance/" + task.getProcessInstanceId());
  }

  private static LocalDate today(Date now) {
    return BeijingTime.dayOf(now);
  }

  /** A due date is 24:00 of its last day (PER-04): the last day is the day of the instant just before. */
  static LocalDate lastDay(Date due) {
    return BeijingTime.dayOf(new Date(due.getTime() - 1));
  }

  static String dueText(Date due) {
    return lastDay(due).format(DateTimeFormatter.ISO_LOCAL_DATE) + " 24:00";
  }
}
