package cn.gov.enforcement.deadlines;

import cn.gov.enforcement.platform.DatedTaskLinks;
import cn.gov.enforcement.platform.TaskDeadlineMarks;
import cn.gov.enforcement.calendar.BeijingTime;
import cn.gov.enforcement.calendar.PeriodCalculator;
import cn.gov.enforcement.platform.EngineClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * 期限看板 (PER-07, issue 16): the open tasks with a due date that the caller may read, each
 * OVERDUE (its due instant has passed, or the sweep marked it {@code overdue}), SOON (its last day
 * is within {@value #SOON_WORKING_DAYS} working days of today, or the sweep marked it
 * {@code deadlineSoon}) or OPEN, and whether its due date is provisional ({@code dueProvisional},
 * PER-05); counted per procedure, per unit (candidate group) and per officer (assignee).
 * Read-only: the engine's task authorizations decide which tasks are counted (managers read the
 * unit's tasks, AccessPolicy.UNIT_MANAGERS), nothing is changed.
 *
 * <p>The counts cover every dated task; the list holds only the first {@link Selection#limit()} entries
 * of the selected status, procedure, unit or officer, and {@code matching} says how many there are.
 * A unit with 20,000 dated tasks made the whole list 9 MB of JSON, which the dashboard fetched for
 * three numbers and the page rendered as 20,000 rows (issue #17 item 4).
 */
@Component
public class DeadlineBoard {

  static final int SOON_WORKING_DAYS = 3;
  static final String UNASSIGNED = "（未签收）";

  private final ProcessEngine engine;
  private final PeriodCalculator calculator;
  private final DatedTaskLinks links;

  public DeadlineBoard(ProcessEngine engine, PeriodCalculator calculator, DatedTaskLinks links) {
    this.engine = engine;
    this.calculator = calculator;
    this.links = links;
  }

  public enum Status { OVERDUE, SOON, OPEN }

  public record Entry(String taskId, String taskName, String procedureKey, String procedureName, String processInstanceId,
      String businessKey, List<String> units, List<String> unitNames, String assignee, String assigneeName, String due,
      Status status, boolean provisional) {}

  public record Count(String id, String name, int open, int soon, int overdue, int provisional) {}

  public record Board(String today, String soonUntil, Count total, List<Count> byProcedure, List<Count> byUnit,
      List<Count> byOfficer, Selection selection, int matching, List<Entry> tasks) {}

  /** Which entries the list holds: of a status (null: all), of one procedure, unit or officer (null: all). */
  public record Selection(Status status, boolean provisionalOnly, Dimension dimension, String id, int limit) {

    public static final int DEFAULT_LIMIT = 200;
    public static final int MAX_LIMIT = 1000;

    public static Selection all() {
      return new Selection(null, false, null, null, DEFAULT_LIMIT);
    }

    boolean matches(Entry entry) {
      if (provisionalOnly && !entry.provisional() || status != null && entry.status() != status) {
        return false;
      }
      String key = id == null ? "" : id;
      return dimension == null || switch (dimension) {
        case PROCEDURE -> key.equals(entry.procedureKey() == null ? "" : entry.procedureKey());
        case UNIT -> entry.units().contains(key);
        case OFFICER -> key.equals(entry.assignee() == null ? "" : entry.assignee());
      };
    }
  }

  /** The three ways the board counts its tasks. */
  public enum Dimension { PROCEDURE, UNIT, OFFICER }

  /** The board as the engine's current authentication may see it. */
  public Board read(Selection selection) {
    Date now = EngineClock.now();
    LocalDate today = BeijingTime.dayOf(now);
    LocalDate soonUntil = calculator.lastDayOfWorkingDays(today, SOON_WORKING_DAYS);
    Map<String, ProcessDefinition> definitions = new HashMap<>();
    Map<String, String> userNames = new HashMap<>();
    List<Entry> entries = new ArrayList<>();
    // The engine's task query under the caller's authentication decides which tasks are on the
    // board; the candidate groups and the marks of those tasks come from two statements over all
    // dated tasks (platform.DatedTaskLinks), and the business keys only for the entries listed:
    // at 20,000 dated tasks the per-group and per-mark task queries and the business keys of every
    // entry were 88 % of the board's time (profiled) (issue #17 item 4).
    List<Task> tasks = dueTasks().orderByDueDate().asc().list();
    Map<String, String> groupNames = readableGroupNames();
    Map<String, List<String>> unitsOf = links.candidateGroups();
    Map<String, Set<String>> marks = links.marks();
    Set<String> overdue = marks.get(TaskDeadlineMarks.OVERDUE);
    Set<String> soon = marks.get(TaskDeadlineMarks.SOON);
    Set<String> provisionalMarks = marks.get(TaskDeadlineMarks.PROVISIONAL);
    for (Task task : tasks) {
      LocalDate lastDay = DeadlineSweep.lastDay(task.getDueDate());
      Status status = overdue.contains(task.getId()) || !now.before(task.getDueDate()) ? Status.OVERDUE
          : soon.contains(task.getId()) || !lastDay.isAfter(soonUntil) ? Status.SOON : Status.OPEN;
      ProcessDefinition definition = task.getProcessDefinitionId() == null ? null
          : definitions.computeIfAbsent(task.getProcessDefinitionId(), id -> engine.getRepositoryService().getProcessDefinition(id));
      List<String> units = unitsOf.getOrDefault(task.getId(), List.of()).stream().filter(groupNames::containsKey).toList();
      entries.add(new Entry(task.getId(), task.getName(),
          definition == null ? null : definition.getKey(), definition == null ? null : nameOf(definition),
          task.getProcessInstanceId(), null, units, units.stream().map(groupNames::get).toList(),
          task.getAssignee(), task.getAssignee() == null ? UNASSIGNED : userNames.computeIfAbsent(task.getAssignee(), this::userName),
          lastDay.toString(), status, provisionalMarks.contains(task.getId())));
    }
    entries.sort(Comparator.comparing(Entry::status).thenComparing(Entry::due));
    List<Entry> matching = entries.stream().filter(selection::matches).toList();
    List<Entry> listed = withBusinessKeys(matching.subList(0, Math.min(selection.limit(), matching.size())));
    return new Board(today.toString(), soonUntil.toString(), count("all", "全部", entries),
        group(entries, e -> List.<String[]>of(new String[] {e.procedureKey(), e.procedureName()})),
        groupMany(entries),
        group(entries, e -> List.<String[]>of(new String[] {e.assignee() == null ? "" : e.assignee(), e.assigneeName()})),
        selection, matching.size(), listed);
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

  /** The board's tasks: open, with a due date. */
  private TaskQuery dueTasks() {
    return engine.getTaskService().createTaskQuery().active().dueAfter(new Date(0));
  }

  /** The groups the caller may read (every staff group reads all groups, AccessPolicy), by id, with their names. */
  private Map<String, String> readableGroupNames() {
    Map<String, String> names = new HashMap<>();
    for (Group group : engine.getIdentityService().createGroupQuery().list()) {
      names.put(group.getId(), group.getName() == null ? group.getId() : group.getName());
    }
    return names;
  }

  /** The entries with their instances' business keys, one instance query per 500 entries, as the caller may read them. */
  private List<Entry> withBusinessKeys(List<Entry> entries) {
    List<String> instanceIds = entries.stream().map(Entry::processInstanceId).filter(java.util.Objects::nonNull).distinct().toList();
    Map<String, String> keys = new HashMap<>();
    for (int from = 0; from < instanceIds.size(); from += 500) {
      Set<String> chunk = new HashSet<>(instanceIds.subList(from, Math.min(from + 500, instanceIds.size())));
      for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery().processInstanceIds(chunk).list()) {
        keys.put(instance.getId(), instance.getBusinessKey());
      }
    }
    return entries.stream().map(e -> new Entry(e.taskId(), e.taskName(), e.procedureKey(), e.procedureName(), e.processInstanceId(),
        keys.get(e.processInstanceId()), e.units(), e.unitNames(), e.assignee(), e.assigneeName(), e.due(), e.status(), e.provisional())).toList();
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
