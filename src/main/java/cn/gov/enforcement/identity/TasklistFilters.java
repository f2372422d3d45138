package cn.gov.enforcement.identity;

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
        new FilterDefinition("已逾期", "超过办理期限的任务 / overdue tasks of mine or my groups", 0, "#d9822b",
            tasks.createTaskQuery()
                .or().taskAssigneeExpression("${currentUser()}").taskCandidateGroupInExpression("${currentUserGroups()}").endOr()
                .dueBeforeExpression("${now()}")));
  }
}
