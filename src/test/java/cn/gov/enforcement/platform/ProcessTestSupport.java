package cn.gov.enforcement.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processEngine;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * The steps every process test takes, written once: move the engine's clock, find the open task of
 * an element, claim it as a named person (the server records the doer, DEC-17), complete it with
 * the form's values, act as a user with that user's groups. It uses the engine that
 * {@code BpmnAwareTests.init} was given (or the only one registered), like the assertions do.
 * Element ids come from the per-process declarations ({@code casework.EnforcementCaseModel} …).
 */
public final class ProcessTestSupport {

  private ProcessTestSupport() {}

  // ---- the engine's clock (tests may move it; ClockUtil is the engine's own) -------------------

  /** Sets the engine's clock to the instant, e.g. {@code "2026-03-02T02:00:00Z"}. */
  public static void at(String instant) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
  }

  /** Moves the engine's clock on by the duration. */
  public static void forward(Duration by) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
  }

  /** Back to the real time (every test that moved the clock does this after itself). */
  public static void resetClock() {
    ClockUtil.reset();
  }

  // ---- tasks ---------------------------------------------------------------------------------

  /** The (first) open task of the element in the instance; fails when there is none. */
  public static Task open(ProcessInstance pi, String elementId) {
    List<Task> tasks = processEngine().getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(elementId).list();
    assertThat(tasks).as("open " + elementId).isNotEmpty();
    return tasks.get(0);
  }

  /** The one open task of the element, claimed by {@code user}. */
  public static Task claimed(String elementId, ProcessInstance pi, String user) {
    Task task = org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task(elementId, pi);
    processEngine().getTaskService().claim(task.getId(), user);
    return task;
  }

  /** Claims the step as {@code user} (unless someone holds it) and completes it with the form's values. */
  public static void completeAs(ProcessInstance pi, String elementId, String user, Map<String, Object> values) {
    Task task = open(pi, elementId);
    if (task.getAssignee() == null) {
      processEngine().getTaskService().claim(task.getId(), user);
    }
    complete(task, values);
  }

  // ---- acting as a user ----------------------------------------------------------------------

  /** Runs the action authenticated as {@code user} with that user's groups, as the web layer would. */
  public static <T> T as(String user, Supplier<T> action) {
    IdentityService identity = processEngine().getIdentityService();
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Runs the action authenticated as {@code user} with that user's groups. */
  public static void as(String user, Runnable action) {
    as(user, () -> {
      action.run();
      return null;
    });
  }

  // ---- variables -----------------------------------------------------------------------------

  /** A mutable map of variables from name/value pairs. */
  public static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
