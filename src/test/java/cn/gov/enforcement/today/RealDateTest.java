package cn.gov.enforcement.today;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import cn.gov.enforcement.calendar.BeijingTime;
import cn.gov.enforcement.calendar.CalendarSource;
import cn.gov.enforcement.calendar.WorkingDayCalendar;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What every real-date test shares: the engine clock starts at the machine's real time and only
 * moves forward (to fire timers); a due date must exist and say provisional exactly when its last
 * day lies in a year without an entered notice (PER-05).
 */
abstract class RealDateTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired WorkingDayCalendar calendar;

  @BeforeEach
  void realDate() {
    ClockUtil.reset();
    init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static LocalDate today() {
    return BeijingTime.dayOf(ClockUtil.getCurrentTime());
  }

  /** Moves the engine clock forward (never back) and runs the instance's timers that are due. */
  void forward(Duration by, ProcessInstance... instances) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
    for (ProcessInstance pi : instances) {
      for (Job job : managementService.createJobQuery().processInstanceId(pi.getId()).timers().executable().list()) {
        managementService.executeJob(job.getId());
      }
    }
  }

  /** A due date exists, and says provisional exactly when its last day lies in a year without a notice. */
  void assertDue(Task task) {
    assertThat(task.getDueDate()).as("due of %s", task.getTaskDefinitionKey()).isNotNull();
    LocalDate lastDay = BeijingTime.dayOf(new Date(task.getDueDate().getTime() - 1));
    Object provisional = taskService.getVariableLocal(task.getId(), "dueProvisional");
    if (calendar.source(lastDay.getYear()) == CalendarSource.PROVISIONAL) {
      assertThat(provisional).as("dueProvisional of %s", task.getTaskDefinitionKey()).isEqualTo(true);
    } else {
      assertThat(provisional).as("dueProvisional of %s", task.getTaskDefinitionKey()).isNotEqualTo(true);
    }
  }
}
