package cn.gov.enforcement.recording;

/**
 * 音像记录完整性核验 ({@code processes/recording-integrity.bpmn}): the element ids and process variables that Java code and
 * tests use, declared once (architecture.md "Engine conventions"). {@code ProcessModelDeclarationsTest}
 * checks every id against the BPMN and every variable against the model's forms, so a renamed
 * element or form field fails the build, not a case at run time.
 */
public final class RecordingIntegrityModel {

  public static final String PROCESS_KEY = "recording-integrity";

  private RecordingIntegrityModel() {}
}
