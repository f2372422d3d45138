package cn.gov.enforcement.recording;

/**
 * 音像记录中断说明 ({@code processes/recording-interruption.bpmn}): the element ids and process variables that Java code and
 * tests use, declared once (architecture.md "Engine conventions"). {@code ProcessModelDeclarationsTest}
 * checks every id against the BPMN and every variable against the model's forms, so a renamed
 * element or form field fails the build, not a case at run time.
 */
public final class RecordingInterruptionModel {

  public static final String PROCESS_KEY = "recording-interruption";

  // ---- element ids ----------------------------------------------------------------------

  /** 已报告并说明 */
  public static final String EVENT_INTERRUPTION_HANDLED = "Event_InterruptionHandled";
  /** 书面说明音像记录中断情况 */
  public static final String TASK_EXPLAIN_INTERRUPTION = "Task_ExplainInterruption";
  /** 科室负责人处置音像记录中断 */
  public static final String TASK_REPORT_INTERRUPTION = "Task_ReportInterruption";

  private RecordingInterruptionModel() {}
}
