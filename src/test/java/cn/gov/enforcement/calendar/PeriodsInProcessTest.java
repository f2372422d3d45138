package cn.gov.enforcement.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.decision.MajorDecisionModel;
import cn.gov.enforcement.platform.BeijingDueDateBusinessCalendar;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The {@code periods} bean and the dueDate calendar inside the engine: a throw-away model with a
 * timer and a user task as the contract's major-decision uses them. The engine clock is set to
 * before the due dates so the job executor leaves the timers alone while the test looks at them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PeriodsInProcessTest {

  private static final String KEY = "periods-expression-check";

  @Autowired private RepositoryService repositoryService;
  @Autowired private RuntimeService runtimeService;
  @Autowired private ManagementService managementService;
  @Autowired private TaskService taskService;
  @Autowired private HistoryService historyService;
  @Autowired private ProcessEngineConfigurationImpl engineConfiguration;

  private String deploymentId;

  @BeforeEach
  void deploy() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-09-12T02:00:00Z")));
    BpmnModelInstance model = Bpmn.createExecutableProcess(KEY)
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .parallelGateway("Gateway_Fork")
        .userTask(MajorDecisionModel.TASK_PUBLISH_HEARING_NOTICE).camundaDueDate("${periods.latestBefore(hearingDate, 15)}")
        .endEvent()
        .moveToNode("Gateway_Fork")
        .intermediateCatchEvent(MajorDecisionModel.EVENT_CONSULTATION_CLOSED)
        .timerWithDate("${periods.endOfDays(consultationStart, consultationDays)}")
        .endEvent()
        .moveToNode("Gateway_Fork")
        .intermediateCatchEvent("Event_LiteralDate").timerWithDate("2026-10-09")
        .endEvent()
        .done();
    deploymentId = repositoryService.createDeployment().addModelInstance(KEY + ".bpmn", model).deploy().getId();
  }

  @AfterEach
  void undeploy() {
    // delete first, then give the clock back, so the job executor never sees a due timer of this test
    repositoryService.deleteDeployment(deploymentId, true);
    ClockUtil.reset();
  }

  @Test
  @DisplayName("PER-02 timer ${periods.endOfDays(consultationStart, consultationDays)} is due 24:00 Beijing time on 2026-10-08; PER-03 task due ${periods.latestBefore(hearingDate, 15)}")
  void expressions() {
    String instance = runtimeService.startProcessInstanceByKey(KEY, Map.of(
        "consultationStart", "2026-09-11",
        "consultationDays", 20L,
        "hearingDate", "2026-10-22")).getId();

    Job consultation = managementService.createJobQuery().processInstanceId(instance)
        .activityId(MajorDecisionModel.EVENT_CONSULTATION_CLOSED).singleResult();
    assertThat(consultation.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-10-08T16:00:00Z")));
    // 22 Oct − 15 days = 7 Oct, a National Day holiday → Wed 30 Sep, due at its 24:00
    assertThat(taskService.createTaskQuery().processInstanceId(instance).singleResult().getDueDate())
        .isEqualTo(Date.from(Instant.parse("2026-09-30T16:00:00Z")));
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).count()).isOne();
  }

  @Test
  @DisplayName("PER-04 the engine's dueDate calendar reads timeDate \"2026-10-09\" as 00:00 Asia/Shanghai")
  void literalDateIsBeijingTime() {
    assertThat(engineConfiguration.getBusinessCalendarManager().getBusinessCalendar(DueDateBusinessCalendar.NAME))
        .isInstanceOf(BeijingDueDateBusinessCalendar.class);

    String instance = runtimeService.startProcessInstanceByKey(KEY, Map.of(
        "consultationStart", "2026-09-11", "consultationDays", 20L, "hearingDate", "2026-10-22")).getId();

    Job literal = managementService.createJobQuery().processInstanceId(instance)
        .activityId("Event_LiteralDate").singleResult();
    assertThat(literal.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-10-08T16:00:00Z")));
  }
}
