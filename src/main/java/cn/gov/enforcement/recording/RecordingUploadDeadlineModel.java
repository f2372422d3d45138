package cn.gov.enforcement.recording;

import cn.gov.enforcement.platform.ProcessVariable;

/**
 * 音像记录上传期限 ({@code processes/recording-upload-deadline.bpmn}): the element ids and process variables that Java code and
 * tests use, declared once (architecture.md "Engine conventions"). {@code ProcessModelDeclarationsTest}
 * checks every id against the BPMN and every variable against the model's forms, so a renamed
 * element or form field fails the build, not a case at run time.
 */
public final class RecordingUploadDeadlineModel {

  public static final String PROCESS_KEY = "recording-upload-deadline";

  // ---- element ids ----------------------------------------------------------------------

  /** 预警已处理 */
  public static final String EVENT_LATE_UPLOAD_REVIEWED = "Event_LateUploadReviewed";
  /** 按时上传 */
  public static final String EVENT_UPLOADED_IN_TIME = "Event_UploadedInTime";
  public static final String GATEWAY_UPLOAD_OR_DEADLINE = "Gateway_UploadOrDeadline";
  /** 科室负责人处理逾期上传预警 */
  public static final String TASK_REVIEW_LATE_UPLOAD = "Task_ReviewLateUpload";

  // ---- process variables ---------------------------------------------------------------

  @ProcessVariable.OutsideModel
  public static final ProcessVariable<Object> ACTIVITY = ProcessVariable.any("activity");
  @ProcessVariable.OutsideModel
  public static final ProcessVariable<Object> RECORDING_ID = ProcessVariable.any("recordingId");
  public static final ProcessVariable<Object> UPLOAD_DEADLINE = ProcessVariable.any("uploadDeadline");

  private RecordingUploadDeadlineModel() {}
}
