package cn.gov.enforcement.deadlines;

import cn.gov.enforcement.calendar.BeijingTime;
import cn.gov.enforcement.calendar.PeriodCalculator;
import cn.gov.enforcement.platform.EngineClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * 期限看板 (PER-07, issue 16): the open tasks with a due date that the caller may read, each
 * OVERDUE (its due instant has passed, or the sweep marked it {@code overdue}), SOON (its last day
 * is within {@value #SOON_WORKING_DAYS} working days of today, or the sweep marked it
 * {@code deadlineSoon}) or OPEN, and whether its due date is provisional ({@code dueProvisional},
 * PER-05); counted per procedure, per unit (candidate group) and per officer (assignee).
 * Read-only: the engine's task authorizations decide which tasks are counted (managers read the
 * unit's tasks, AccessPolicy.UNIT_MANAGERS), nothing is changed.
 */
@Component
public class DeadlineBoard {

  static final int SOON_WORKING_DAYS = 3;
  static final String UNASSIGNED = "（未签收）";

  private final ProcessEngine engine;
  private final PeriodCalculator calculator;

  public DeadlineBoard(ProcessEngine engine, PeriodCalculator calculator) {
    this.engine = engine;
    this.calculator = calculator;
  }

  public enum Status { OVERDUE, SOON, OPEN }

  public record Entry(String taskId, String taskName, String procedureKey, String procedureName, String processInstanceId,
      String businessKey, List<String> units, List<String> unitNames, String assignee, String assigneeName, String due,
      Status status, boolean provisional) {}

  public record Count(String id, String name, int open, int soon, int overdue, int provisional) {}

  public record Board(String today, String soonUntil, Count total, List<Count> byProcedure, List<Count> byUnit,
      List<Count> byOfficer, List<Entry> tasks) {}

  /** The board as the engine's current authentication may see it. */
  public Board read() {
    Date now = EngineClock.now();
    LocalDate today = BeijingTime.dayOf(now);
    LocalDate soonUntil = calculator.lastDayOfWorkingDays(today, SOON_WORKING_DAYS);
    var taskService = engine.getTaskService();
    Map<String, ProcessDefinition> definitions = new HashMap<>();
    Map<String, String> groupNames = new HashMap<>();
    Map<String, String> userNames = new HashMap<>();
    Map<String, String> businessKeys = new HashMap<>();
    List<Entry> entries = new ArrayList<>();
    for (Task task : taskService.createTaskQuery().active().dueAfter(new Date(0)).orderByDueDate().asc().list()) {
      Map<String, Object> local = taskService.getVariablesLocal(task.getId(), List.of(DeadlineSweep.OVERDUE, DeadlineSweep.SOON, "dueProvisional"));
      LocalDate lastDay = DeadlineSweep.lastDay(task.getDueDate());
      Status status = Boolean.TRUE.equals(local.get(DeadlineSweep.OVERDUE)) || !now.before(task.getDueDate()) ? Status.OVERDUE
          : Boolean.TRUE.equals(local.get(DeadlineSweep.SOON)) || !lastDay.isAfter(soonUntil) ? Status.SOON : Status.OPEN;
      ProcessDefinition definition = task.getProcessDefinitionId() == null ? null
          : definitions.computeIfAbsent(task.getProcessDefinitionId(), id -> engine.getRepositoryService().getProcessDefinition(id));
      List<String> units = new ArrayList<>();
      for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
          units.add(link.getGroupId());
        }
      }
      String businessKey = task.getProcessInstanceId() == null ? null
          : businessKeys.computeIfAbsent(task.getProcessInstanceId(), this::businessKey);
      entries.add(new Entry(task.getId(), task.getName(),
          definition == null ? null : definition.getKey(), definition == null ? null : nameOf(definition),
          task.getProcessInstanceId(), businessKey, units,
          units.stream().map(id -> groupNames.computeIfAbsent(id, this::groupName)).toList(),
          task.getAssignee(), task.getAssignee() == null ? UNASSIGNED : userNames.computeIfAbsent(task.getAssignee(), this::userName),
          lastDay.toString(), status, Boolean.TRUE.equals(local.get("dueProvisional"))));
    }
    entries.sort(Comparator.comparing(Entry::status).thenComparing(Entry::due));
    return new Board(today.toString(), soonUntil.toString(), count("all", "全部", entries),
        group(entries, e -> List.<String[]>of(new String[] {e.procedureKey(), e.procedureName()})),
        groupMany(entries),
        group(entries, e -> List.<String[]>of(new String[] {e.assignee() == null ? "" : e.assignee(), e.assigneeName()})), entries);
  }

  private static List<Count> group(List<Entry> entries, Function<Entry, List<String[]>> keys) {
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, List<Entry>> byKey = new LinkedHashMap<>();
    for (Entry entry : entries) {
      for (String[] key : keys.apply(entry)) {
        String id = key[0] == null ? "" : key[0];
        names.putIfAbsent(id, key[1] == null ? id : key[1]);
        byKey.computeIfAbsent(id, k -> new ArrayList<>()).add(entry);
      }
    }
    return byKey.entrySet().stream().map(e -> count(e.getKey(), names.get(e.getKey()), e.getValue()))
        .sorted(Comparator.comparing(Count::overdue).thenComparing(Count::soon).reversed()).toList();
  }

  private static List<Count> groupMany(List<Entry> entries) {
    return group(entries, e -> {
      List<String[]> keys = new ArrayList<>();
      for (int i = 0; i < e.units().size(); i++) {
        keys.add(new String[] {e.units().get(i), e.unitNames().get(i)});
      }
      return keys;
    });
  }

  private static Count count(String id, String name, List<Entry> entries) {
    return new Count(id, name, entries.size(),
        (int) entries.stream().filter(e -> e.status() == Status.SOON).count(),
        (int) entries.stream().filter(e -> e.status() == Status.OVERDUE).count(),
        (int) entries.stream().filter(Entry::provisional).count());
  }

  private static String nameOf(ProcessDefinition definition) {
    return definition.getName() == null ? definition.getKey() : definition.getName();
  }

  private String businessKey(String processInstanceId) {
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    return instance == null ? null : instance.getBusinessKey();
  }

  private String groupName(String groupId) {
    IdentityService identity = engine.getIdentityService();
    Group group = identity.createGroupQuery().groupId(groupId).singleResult();
    return group == null || group.getName() == null ? groupId : group.getName();
  }

  private String userName(String userId) {
    User user = engine.getIdentityService().createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? userId : name;
  }
}
