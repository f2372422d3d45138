package cn.gov.enforcement.recording;

import java.time.Instant;

/**
 * What Tika read from the content. {@code parsed} false means the parse failed, hung or ran out of
 * memory and was cut off: the recording is stored all the same and marked "unparsed".
 */
public record MediaMetadata(boolean parsed, Double durationSeconds, Instant createdAt, String deviceMake,
    String deviceModel, String problem) {

  static MediaMetadata unparsed(String problem) {
    return new MediaMetadata(false, null, null, null, null, problem);
  }

  public String status() {
    return parsed ? "PARSED" : "UNPARSED";
  }
}
