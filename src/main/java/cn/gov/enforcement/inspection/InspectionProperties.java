package cn.gov.enforcement.inspection;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code inspection:} block of application.yaml (REC-14, REC-15): when the playback spot check
 * runs, how far back it draws and how many recordings per unit. Numbers of the agency's rule set,
 * not code.
 */
@ConfigurationProperties("inspection")
public record InspectionProperties(Playback playback) {

  /**
   * {@code cycle}: the cron of the timer start of {@code recording-playback-check} (read when the
   * model is deployed); {@code lookback}: the period sampled, ending at the Beijing midnight of the
   * day the check starts; {@code sampleSize}: recordings drawn per unit.
   */
  public record Playback(String cycle, Period lookback, int sampleSize) {}
}
