package cn.gov.enforcement.recording;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The checks whose findings are stored with the recording and shown to reviewers. They warn; they
 * do not refuse — a late or imperfect recording is still evidence and must not be lost.
 * <ul>
 *   <li>REC-08: uploaded later than the deadline after {@code endedAt} (configurable per rule set);
 *   <li>REC-05: the document's start/end differ from the media's own creation time + duration by more
 *       than the tolerance (5 minutes);
 *   <li>REC-06: a gap between segments without an interruption reason.
 * </ul>
 */
@Component
public class RecordingChecks {

  private final RecordingProperties properties;

  public RecordingChecks(RecordingProperties properties) {
    this.properties = properties;
  }

  public Instant uploadDeadline(Instant endedAt) {
    return endedAt.plus(properties.rules().uploadDeadline());
  }

  public List<String> warnings(UploadRequest request, MediaMetadata media, Instant uploadedAt) {
    List<String> warnings = new ArrayList<>();
    Instant deadline = uploadDeadline(request.endedAt());
    if (uploadedAt.isAfter(deadline)) {
      warnings.add("REC-08 LATE_UPLOAD: 上传晚于录制结束后 " + hours(properties.rules().uploadDeadline())
          + " 小时的时限（时限 " + deadline + "） / uploaded after the deadline " + deadline);
    }
    Duration tolerance = properties.rules().timeTolerance();
    if (media.createdAt() != null) {
      Duration startDifference = Duration.between(media.createdAt(), request.startedAt()).abs();
      if (startDifference.compareTo(tolerance) > 0) {
        warnings.add("REC-05 START_TIME_MISMATCH: 文书记载的开始时间与音像文件创建时间相差 " + minutes(startDifference)
            + " 分钟 / document start differs from the media's creation time by " + minutes(startDifference) + " min");
      }
      if (media.durationSeconds() != null) {
        Instant mediaEnd = media.createdAt().plusMillis(Math.round(media.durationSeconds() * 1000));
        Duration endDifference = Duration.between(mediaEnd, request.endedAt()).abs();
        if (endDifference.compareTo(tolerance) > 0) {
          warnings.add("REC-05 END_TIME_MISMATCH: 文书记载的结束时间与音像文件（创建时间+时长）相差 " + minutes(endDifference)
              + " 分钟 / document end differs from media creation + duration by " + minutes(endDifference) + " min");
        }
      }
    } else if (media.durationSeconds() != null) {
      Duration documented = Duration.between(request.startedAt(), request.endedAt());
      Duration difference = documented.minusMillis(Math.round(media.durationSeconds() * 1000)).abs();
      if (request.segments().isEmpty() && difference.compareTo(tolerance) > 0) {
        warnings.add("REC-05 DURATION_MISMATCH: 文书记载的时长与音像时长相差 " + minutes(difference)
            + " 分钟 / documented duration differs from the media duration by " + minutes(difference) + " min");
      }
    }
    if (!media.parsed()) {
      warnings.add("METADATA_UNPARSED: 未能读取音像元数据，时间未核对（" + media.problem()
          + "） / media metadata could not be read; times were not compared");
    }
    warnings.addAll(segmentWarnings(request));
    return warnings;
  }

  /** REC-06: every gap between consecutive segments needs a reason (its own, or the upload's general one). */
  static List<String> segmentWarnings(UploadRequest request) {
    List<String> warnings = new ArrayList<>();
    List<UploadRequest.Segment> segments = request.segments().stream()
        .sorted(Comparator.comparing(UploadRequest.Segment::startedAt)).toList();
    for (int i = 1; i < segments.size(); i++) {
      UploadRequest.Segment previous = segments.get(i - 1);
      UploadRequest.Segment segment = segments.get(i);
      Duration gap = Duration.between(previous.endedAt(), segment.startedAt());
      if (gap.isNegative()) {
        warnings.add("REC-06 SEGMENT_OVERLAP: 第 " + (i + 1) + " 段与前一段时间重叠 / segment " + (i + 1)
            + " overlaps the previous one");
      } else if (gap.toSeconds() >= 1 && segment.interruptionReason() == null && request.interruptionReason() == null) {
        warnings.add("REC-06 GAP_WITHOUT_REASON: 第 " + i + " 段与第 " + (i + 1) + " 段之间中断 " + gap.toSeconds()
            + " 秒，未说明中断原因 / a gap of " + gap.toSeconds() + " s between segments " + i + " and " + (i + 1)
            + " has no interruption reason");
      }
    }
    return warnings;
  }

  private static long minutes(Duration d) {
    return Math.round(d.toSeconds() / 60.0);
  }

  private static long hours(Duration d) {
    return d.toHours();
  }
}
