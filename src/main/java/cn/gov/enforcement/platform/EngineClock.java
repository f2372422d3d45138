package cn.gov.enforcement.platform;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock, for code outside this package: the time the engine stamps on tasks, jobs and
 * history ({@code ClockUtil}, which tests move with {@code ClockUtil.setCurrentTime}). Every date
 * the application records or compares uses this clock, so a test that moves the engine's clock
 * moves the application's "now" with it. The engine keeps its clock in an internal class
 * ({@code org.camunda.bpm.engine.impl.util}); this adapter is why nothing outside {@code platform}
 * imports it (architecture.md "Packages", ArchitectureTest).
 */
public final class EngineClock {

  private EngineClock() {}

  /** The engine's current time. */
  public static Date now() {
    return ClockUtil.getCurrentTime();
  }

  /** The engine's current time as an instant. */
  public static Instant instant() {
    return now().toInstant();
  }
}
