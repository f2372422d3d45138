package cn.gov.enforcement.deadlines;

/**
 * 期限监视 ({@code processes/deadline-watch.bpmn}): the element ids and process variables that Java code and
 * tests use, declared once (architecture.md "Engine conventions"). {@code ProcessModelDeclarationsTest}
 * checks every id against the BPMN and every variable against the model's forms, so a renamed
 * element or form field fails the build, not a case at run time.
 */
public final class DeadlineWatchModel {

  public static final String PROCESS_KEY = "deadline-watch";

  private DeadlineWatchModel() {}
}
