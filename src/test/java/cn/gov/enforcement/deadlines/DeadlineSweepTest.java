package cn.gov.enforcement.deadlines;

import cn.gov.enforcement.platform.TaskDeadlineMarks;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.audit.AuditEntry;
import cn.gov.enforcement.audit.AuditLog;
import cn.gov.enforcement.review.LegalReviewModel;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * PER-07 with LR-06 as the example: the legal review started Mon 2 Nov 2026 is due 24:00 Wed 11 Nov
 * (7 working days). The sweep warns from Fri 6 Nov (3 working days before Wed 11: Tue 10, Mon 9,
 * Fri 6) and marks it overdue from 00:00 Thu 12 Nov.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeadlineSweepTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired DeadlineSweep sweep;
  @Autowired AuditLog audit;

  @BeforeEach
  void monday() {
    at("2026-11-02T01:00:00Z");
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  private static void at(String instant) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
  }

  private Task review(ProcessInstance pi) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(LegalReviewModel.TASK_REVIEW_LEGALITY).singleResult();
  }

  private List<Task> escalations(ProcessInstance pi, String key) {
    return taskService.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey()).taskDefinitionKey(key).list();
  }

  @Test
  @DisplayName("PER-07 LR-06 a warning 3 working days ahead to the assignee and the section head, then 超期: marked, priority raised, the superior gets a task, both audited")
  void warnThenOverdue() {
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(LegalReviewModel.PROCESS_KEY, "LR-SWEEP-" + System.nanoTime(),
        Map.of("subject", "期限测试", "investigators", "officer1,officer2", "reviewMaterials", "案卷"));
    Task task = review(pi);
    taskService.claim(task.getId(), "legal1");
    assertThat(task.getDueDate()).isEqualTo(Date.from(Instant.parse("2026-11-11T16:00:00Z")));

    at("2026-11-05T15:59:59Z"); // Thu 5 Nov, 23:59:59 in Beijing: not yet
    sweep.sweep(engine);
    assertThat(taskService.getVariableLocal(task.getId(), TaskDeadlineMarks.SOON)).isNull();
    assertThat(escalations(pi, DeadlineEscalationModel.TASK_DEADLINE_WARNING)).isEmpty();

    at("2026-11-05T16:00:00Z"); // Fri 6 Nov 00:00 in Beijing
    assertThat(sweep.sweep(engine)).isGreaterThanOrEqualTo(1);
    assertThat(taskService.getVariableLocal(task.getId(), TaskDeadlineMarks.SOON)).isEqualTo(true);
    List<Task> warnings = escalations(pi, DeadlineEscalationModel.TASK_DEADLINE_WARNING);
    assertThat(warnings).hasSize(1);
    assertThat(taskService.getIdentityLinksForTask(warnings.get(0).getId()))
        .extracting(link -> link.getUserId() != null ? link.getUserId() : link.getGroupId())
        .contains("legal1", "legal-affairs", "section-head");
    assertThat(warnings.get(0).getDueDate()).isEqualTo(task.getDueDate());
    assertThat(filtered("即将到期", "legal1", "legal-affairs")).contains(task.getId());
    // the head of the legal-affairs unit sees the task legal1 has claimed
    assertThat(filtered("本单位即将到期", "legal-chief", "legal-affairs")).contains(task.getId());
    // managers read every unit's tasks (AccessPolicy.UNIT_MANAGERS); others only their own groups'
    assertThat(filtered("本单位即将到期", "head1", "section-head")).contains(task.getId());
    assertThat(filtered("本单位即将到期", "supervisor1", "supervisor")).contains(task.getId());
    assertThat(filtered("本单位即将到期", "records1", "records-office")).doesNotContain(task.getId());
    assertThat(filtered("即将到期", "officer1", "enforcement-officer")).doesNotContain(task.getId());
    sweep.sweep(engine); // once only
    assertThat(escalations(pi, DeadlineEscalationModel.TASK_DEADLINE_WARNING)).hasSize(1);

    at("2026-11-11T15:59:59Z"); // the last second of the last day: not overdue
    sweep.sweep(engine);
    assertThat(taskService.getVariableLocal(task.getId(), TaskDeadlineMarks.OVERDUE)).isNull();

    at("2026-11-11T16:00:00Z"); // 24:00 Wed 11 Nov
    sweep.sweep(engine);
    Task overdue = review(pi);
    assertThat(taskService.getVariableLocal(task.getId(), TaskDeadlineMarks.OVERDUE)).isEqualTo(true);
    assertThat(overdue.getName()).startsWith("【超期】");
    assertThat(overdue.getPriority()).isEqualTo(DeadlineSweep.OVERDUE_PRIORITY);
    assertThat(overdue.getDescription()).contains("超期").contains("LR-06");
    List<Task> supervision = escalations(pi, DeadlineEscalationModel.TASK_SUPERVISE_OVERDUE);
    assertThat(supervision).hasSize(1);
    assertThat(taskService.getIdentityLinksForTask(supervision.get(0).getId()))
        .extracting(link -> link.getGroupId()).containsExactly("section-head");
    sweep.sweep(engine);
    assertThat(escalations(pi, DeadlineEscalationModel.TASK_SUPERVISE_OVERDUE)).hasSize(1);
    at("2026-11-11T16:00:01Z"); // the filters compare due < now
    assertThat(filtered("已逾期", "legal1", "legal-affairs")).contains(task.getId());
    assertThat(filtered("即将到期", "legal1", "legal-affairs")).doesNotContain(task.getId());
    assertThat(filtered("本单位已逾期", "legal-chief", "legal-affairs")).contains(task.getId());

    List<AuditEntry> entries = audit.forTarget("task/" + task.getId() + " process-instance/" + pi.getId());
    assertThat(entries).extracting(AuditEntry::action).containsExactly("DEADLINE_WARNING", "DEADLINE_OVERDUE");
  }

  /** The task ids a Tasklist filter shows to the user (as Tasklist runs it: authenticated, expressions resolved). */
  private List<String> filtered(String filterName, String user, String group) {
    org.camunda.bpm.engine.filter.Filter filter = engine.getFilterService().createFilterQuery().filterName(filterName).singleResult();
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      return engine.getFilterService().<Task>list(filter.getId()).stream().map(Task::getId).toList();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  @DisplayName("PER-07 the superior of a section head is the deputy director, of the director's group the director")
  void superiors() {
    assertThat(DeadlineSweep.superiorOf(List.of("enforcement-officer"))).isEqualTo("section-head");
    assertThat(DeadlineSweep.superiorOf(List.of("records-office"))).isEqualTo("section-head");
    assertThat(DeadlineSweep.superiorOf(List.of("section-head"))).isEqualTo("deputy-director");
    assertThat(DeadlineSweep.superiorOf(List.of("director", "deputy-director"))).isEqualTo("director");
  }
}
