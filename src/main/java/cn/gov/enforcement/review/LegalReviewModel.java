package cn.gov.enforcement.review;

import cn.gov.enforcement.platform.ProcessVariable;

/**
 * 法制审核 ({@code processes/legal-review.bpmn}): the element ids and process variables that Java code and
 * tests use, declared once (architecture.md "Engine conventions"). {@code ProcessModelDeclarationsTest}
 * checks every id against the BPMN and every variable against the model's forms, so a renamed
 * element or form field fails the build, not a case at run time.
 */
public final class LegalReviewModel {

  public static final String PROCESS_KEY = "legal-review";

  // ---- element ids ----------------------------------------------------------------------

  /** 提出修改意见 */
  public static final String EVENT_CHANGES_PROPOSED = "Event_ChangesProposed";
  /** 退回补充调查 */
  public static final String EVENT_RETURNED_FOR_SUPPLEMENT = "Event_ReturnedForSupplement";
  /** 审核不通过 */
  public static final String EVENT_REVIEW_FAILED = "Event_ReviewFailed";
  /** 审核通过 */
  public static final String EVENT_REVIEW_PASSED = "Event_ReviewPassed";
  /** 延长审核期限 */
  public static final String TASK_EXTEND_REVIEW_PERIOD = "Task_ExtendReviewPeriod";
  /** 法制审核 */
  public static final String TASK_REVIEW_LEGALITY = "Task_ReviewLegality";
  /** 补充材料后重新提请审核 */
  public static final String TASK_SUPPLEMENT_MATERIALS = "Task_SupplementMaterials";

  // ---- process variables ----------------------------------------------------------------

  public static final ProcessVariable<String> EXTENSION_REASON = ProcessVariable.string("extensionReason");
  public static final ProcessVariable<Boolean> EXTENSION_REQUESTED = ProcessVariable.bool("extensionRequested");
  public static final ProcessVariable<String> INVESTIGATORS = ProcessVariable.string("investigators");
  public static final ProcessVariable<Boolean> REVIEW_EXTENDED = ProcessVariable.bool("reviewExtended");
  public static final ProcessVariable<String> REVIEW_OPINION = ProcessVariable.string("reviewOpinion");
  public static final ProcessVariable<String> REVIEW_OUTCOME = ProcessVariable.string("reviewOutcome");
  public static final ProcessVariable<String> REVIEW_START = ProcessVariable.string("reviewStart");
  public static final ProcessVariable<Number> REVIEW_WORKING_DAYS = ProcessVariable.number("reviewWorkingDays");

  private LegalReviewModel() {}
}
