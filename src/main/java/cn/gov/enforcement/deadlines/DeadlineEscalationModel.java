package cn.gov.enforcement.deadlines;

/**
 * 期限预警升级 ({@code processes/deadline-escalation.bpmn}): the element ids and process variables that Java code and
 * tests use, declared once (architecture.md "Engine conventions"). {@code ProcessModelDeclarationsTest}
 * checks every id against the BPMN and every variable against the model's forms, so a renamed
 * element or form field fails the build, not a case at run time.
 */
public final class DeadlineEscalationModel {

  public static final String PROCESS_KEY = "deadline-escalation";

  // ---- element ids ----------------------------------------------------------------------

  /** 期限预警 */
  public static final String TASK_DEADLINE_WARNING = "Task_DeadlineWarning";
  /** 超期督办 */
  public static final String TASK_SUPERVISE_OVERDUE = "Task_SuperviseOverdue";

  private DeadlineEscalationModel() {}
}
