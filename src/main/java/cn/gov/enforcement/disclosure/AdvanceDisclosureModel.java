package cn.gov.enforcement.disclosure;

import cn.gov.enforcement.platform.ProcessVariable;

/**
 * 事前公示 ({@code processes/advance-disclosure.bpmn}): the element ids and process variables that Java code and
 * tests use, declared once (architecture.md "Engine conventions"). {@code ProcessModelDeclarationsTest}
 * checks every id against the BPMN and every variable against the model's forms, so a renamed
 * element or form field fails the build, not a case at run time.
 */
public final class AdvanceDisclosureModel {

  public static final String PROCESS_KEY = "advance-disclosure";

  // ---- element ids ----------------------------------------------------------------------

  /** 法制审核事前公开内容 */
  public static final String TASK_REVIEW_ADVANCE = "Task_ReviewAdvance";
  /** 修改事前公开内容 */
  public static final String TASK_REVISE_ADVANCE = "Task_ReviseAdvance";

  // ---- process variables ----------------------------------------------------------------

  public static final ProcessVariable<String> ADVANCE_ACTION = ProcessVariable.string("advanceAction");
  public static final ProcessVariable<String> ADVANCE_BODY = ProcessVariable.string("advanceBody");
  public static final ProcessVariable<String> ADVANCE_SECTION = ProcessVariable.string("advanceSection");
  public static final ProcessVariable<String> ADVANCE_TITLE = ProcessVariable.string("advanceTitle");

  private AdvanceDisclosureModel() {}
}
