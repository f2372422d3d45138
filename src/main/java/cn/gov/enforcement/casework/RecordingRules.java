package cn.gov.enforcement.casework;

import cn.gov.enforcement.calendar.IsoDates;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The {@code recordingRules} bean for BPMN expressions (REC-08): a recording must be uploaded within
 * a configured number of hours of the recorded activity's end. 24 hours is the default (YH, YX);
 * HY allows 2 days, so the period is configuration: {@code recording.rules.upload-deadline}, the same
 * setting the evidence service checks uploads against, so the case and the upload never disagree.
 */
@Component("recordingRules")
public class RecordingRules {

  private final Duration uploadDeadline;

  public RecordingRules(@Value("${recording.rules.upload-deadline:PT24H}") Duration uploadDeadline) {
    if (uploadDeadline.isNegative() || uploadDeadline.isZero()) {
      throw new IllegalArgumentException("recording.rules.upload-deadline must be positive, was " + uploadDeadline);
    }
    this.uploadDeadline = uploadDeadline;
  }

  /** The instant by which the recording of an activity that ended at {@code endedAt} must be uploaded. */
  public Date uploadDeadline(Object endedAt) {
    return Date.from(instant(endedAt).plus(uploadDeadline));
  }

  /** An ISO date-time with offset, or without one (then Beijing time), or a {@link Date}. */
  static Instant instant(Object value) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value == null || value.toString().isBlank()) {
      throw new NotValidException("缺少活动结束时间 activityEndedAt / the activity's end time is missing");
    }
    String text = value.toString().trim();
    return IsoDates.instant(text).orElseThrow(() ->
        new NotValidException("活动结束时间格式不正确：" + text + " / activityEndedAt is not an ISO-8601 date-time"));
  }
}
