package cn.gov.enforcement.recording.inspection;

/**
 * 音像记录回放抽查 ({@code processes/recording-playback-check.bpmn}): the element ids and process variables that Java code and
 * tests use, declared once (architecture.md "Engine conventions"). {@code ProcessModelDeclarationsTest}
 * checks every id against the BPMN and every variable against the model's forms, so a renamed
 * element or form field fails the build, not a case at run time.
 */
public final class RecordingPlaybackCheckModel {

  public static final String PROCESS_KEY = "recording-playback-check";

  // ---- element ids ----------------------------------------------------------------------

  /** 本期无可抽查的音像资料 */
  public static final String EVENT_NOTHING_TO_CHECK = "Event_NothingToCheck";
  /** 已回放检查并登记台账 */
  public static final String EVENT_PLAYBACK_CHECKED = "Event_PlaybackChecked";
  /** 回放检查 */
  public static final String TASK_PLAYBACK_CHECK = "Task_PlaybackCheck";

  private RecordingPlaybackCheckModel() {}
}
