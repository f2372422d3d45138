package cn.gov.enforcement.identity;

import cn.gov.enforcement.platform.TaskDeadlineMarks;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The Tasklist filters every staff member sees on login, in Chinese. Their queries use only the
 * engine's own {@code currentUser()}, {@code currentUserGroups()} and {@code now()}: stored
 * queries are the only place expressions are allowed (see TaskQueryExpressionGuard).
 */
final class TasklistFilters {

  private TasklistFilters() {}

  record FilterDefinition(String name, String description, int priority, String color, TaskQuery query) {
    Map<String, Object> properties() {
      return Map.of("description", description, "priority", priority, "color", color, "refresh", true);
    }
  }

  static List<FilterDefinition> definitions(TaskService tasks) {
    return List.of(
        new FilterDefinition("我的待办", "已签收、由我办理的任务 / tasks assigned to me", -10, "#b5121b",
            tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")),
        new FilterDefinition("本组待办", "本组可签收的任务 / unclaimed tasks of my groups", -5, "#1f5fa8",
            tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned()),
        // PER-07: deadlineSoon is set by the deadline sweep from due − lead working days (default 3)
        new FilterDefinition("即将到期", "3 个工作日内到期的任务 / my or my groups' tasks due within 3 working days", -2, "#e0b000",
            tasks.createTaskQuery()
                .or().taskAssigneeExpression("${currentUser()}").taskCandidateGroupInExpression("${currentUserGroups()}").endOr()
                .taskVariableValueEquals(TaskDeadlineMarks.SOON, true)
                .dueAfterExpression("${now()}")),
        new FilterDefinition("已逾期", "超过办理期限的任务 / overdue tasks of mine or my groups", 0, "#d9822b",
            tasks.createTaskQuery()
                .or().taskAssigneeExpression("${currentUser()}").taskCandidateGroupInExpression("${currentUserGroups()}").endOr()
                .dueBeforeExpression("${now()}")),
        // managers: the same for their unit, also what a colleague has claimed. No group criterion:
        // the engine's task authorizations decide what is listed — every open task for the managers
        // (READ_TASK, AccessPolicy.UNIT_MANAGERS, read-only), the own groups' tasks for everybody else
        new FilterDefinition("本单位待办", "本单位全部未办结任务（只读查看，含他人已签收） / the unit's open tasks, read-only", 1, "#555555",
            tasks.createTaskQuery().active()),
        new FilterDefinition("本单位即将到期", "本单位 3 个工作日内到期的任务（含他人已签收） / the unit's tasks due within 3 working days", 2, "#e0b000",
            tasks.createTaskQuery().taskVariableValueEquals(TaskDeadlineMarks.SOON, true).dueAfterExpression("${now()}")),
        new FilterDefinition("本单位已逾期", "本单位超过办理期限的任务（含他人已签收） / the unit's overdue tasks", 3, "#d9822b",
            tasks.createTaskQuery().dueBeforeExpression("${now()}")));
  }
}
