package cn.gov.enforcement.recording;

import cn.gov.enforcement.platform.ProcessVariable;

/**
 * 音像记录处置 ({@code processes/recording-disposal.bpmn}): the element ids and process variables that Java code and
 * tests use, declared once (architecture.md "Engine conventions"). {@code ProcessModelDeclarationsTest}
 * checks every id against the BPMN and every variable against the model's forms, so a renamed
 * element or form field fails the build, not a case at run time.
 */
public final class RecordingDisposalModel {

  public static final String PROCESS_KEY = "recording-disposal";

  // ---- element ids ----------------------------------------------------------------------

  /** 处置完成 */
  public static final String EVENT_DISPOSAL_FINISHED = "Event_DisposalFinished";
  /** 继续保存 */
  public static final String EVENT_RETENTION_EXTENDED = "Event_RetentionExtended";
  /** 科室负责人审批销毁 */
  public static final String TASK_APPROVE_DISPOSAL = "Task_ApproveDisposal";
  /** 销毁并登记摘要 */
  public static final String TASK_DISPOSE_RECORDING = "Task_DisposeRecording";
  /** 延长保存并登记 */
  public static final String TASK_EXTEND_RETENTION = "Task_ExtendRetention";
  /** 档案室审查到期音像资料 */
  public static final String TASK_REVIEW_DISPOSAL = "Task_ReviewDisposal";

  // ---- process variables ---------------------------------------------------------------

  public static final ProcessVariable<String> APPROVAL_OPINION = ProcessVariable.string("approvalOpinion");
  @ProcessVariable.OutsideModel
  public static final ProcessVariable<Object> DISPOSED = ProcessVariable.any("disposed");
  public static final ProcessVariable<Object> LEGAL_HOLD = ProcessVariable.any("legalHold");
  @ProcessVariable.OutsideModel
  public static final ProcessVariable<Object> LEGAL_HOLD_REASON = ProcessVariable.any("legalHoldReason");
  @ProcessVariable.OutsideModel
  public static final ProcessVariable<String> RECORDING_ID = ProcessVariable.string("recordingId");
  public static final ProcessVariable<String> RECORDING_SUMMARY = ProcessVariable.string("recordingSummary");
  public static final ProcessVariable<String> REVIEW_OPINION = ProcessVariable.string("reviewOpinion");

  private RecordingDisposalModel() {}
}
