package cn.gov.enforcement.delivery;

import cn.gov.enforcement.platform.ProcessVariable;

/**
 * 文书送达 ({@code processes/document-service.bpmn}): the element ids and process variables that Java code and
 * tests use, declared once (architecture.md "Engine conventions"). {@code ProcessModelDeclarationsTest}
 * checks every id against the BPMN and every variable against the model's forms, so a renamed
 * element or form field fails the build, not a case at run time.
 */
public final class DocumentServiceModel {

  public static final String PROCESS_KEY = "document-service";

  // ---- element ids ----------------------------------------------------------------------

  /** 公告期满视为送达 */
  public static final String EVENT_DEEMED_SERVED = "Event_DeemedServed";
  /** 已送达 */
  public static final String EVENT_SERVED = "Event_Served";
  /** 送达申请 */
  public static final String EVENT_SERVICE_REQUESTED = "Event_ServiceRequested";
  /** 是否送达? */
  public static final String GATEWAY_DIRECT_OUTCOME = "Gateway_DirectOutcome";
  /** 是否送达? */
  public static final String GATEWAY_ENTRUSTED_OUTCOME = "Gateway_EntrustedOutcome";
  /** 邮件是否退回? */
  public static final String GATEWAY_MAIL_OUTCOME = "Gateway_MailOutcome";
  /** 核验送达方式 */
  public static final String TASK_CHECK_SERVICE_METHOD = "Task_CheckServiceMethod";
  /** 另选送达方式 */
  public static final String TASK_CHOOSE_NEXT_METHOD = "Task_ChooseNextMethod";
  /** 确定留置送达记录要求 */
  public static final String TASK_DECIDE_LODGED_RECORDING = "Task_DecideLodgedRecording";
  /** 确定公告送达记录要求 */
  public static final String TASK_DECIDE_NOTICE_RECORDING = "Task_DecideNoticeRecording";
  /** 邮寄送达 */
  public static final String TASK_POST_DOCUMENT = "Task_PostDocument";
  /** 公告送达 */
  public static final String TASK_PUBLISH_NOTICE = "Task_PublishNotice";
  /** 登记邮件回执 */
  public static final String TASK_RECORD_RETURN_CARD = "Task_RecordReturnCard";
  /** 登记送达日期 */
  public static final String TASK_RECORD_SERVICE_DATE = "Task_RecordServiceDate";
  /** 直接送达 */
  public static final String TASK_SERVE_DIRECTLY = "Task_ServeDirectly";
  /** 委托/转交送达 */
  public static final String TASK_SERVE_ENTRUSTED = "Task_ServeEntrusted";
  /** 留置送达 */
  public static final String TASK_SERVE_LODGED = "Task_ServeLodged";

  // ---- process variables ----------------------------------------------------------------

  public static final ProcessVariable<String> ATTEMPTED_METHODS = ProcessVariable.string("attemptedMethods");
  public static final ProcessVariable<String> FAILED_ATTEMPTS_RECORD = ProcessVariable.string("failedAttemptsRecord");
  public static final ProcessVariable<String> FAILURE_RECORD = ProcessVariable.string("failureRecord");
  public static final ProcessVariable<String> METHOD = ProcessVariable.string("method");
  public static final ProcessVariable<Number> PUBLIC_NOTICE_DAYS = ProcessVariable.number("publicNoticeDays");
  public static final ProcessVariable<String> PUBLIC_NOTICE_GROUNDS = ProcessVariable.string("publicNoticeGrounds");
  public static final ProcessVariable<String> PUBLISHED_ON = ProcessVariable.string("publishedOn");
  public static final ProcessVariable<Boolean> RECIPIENT_REFUSED = ProcessVariable.bool("recipientRefused");
  public static final ProcessVariable<String> SERVICE_DATE = ProcessVariable.string("serviceDate");
  @ProcessVariable.OutsideModel
  public static final ProcessVariable<String> SERVICE_METHOD_USED = ProcessVariable.string("serviceMethodUsed");

  private DocumentServiceModel() {}
}
