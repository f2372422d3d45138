package cn.gov.enforcement.recording;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The validated form fields of {@code POST /api/recordings}. Besides the contract's fields an upload
 * may carry: {@code confidential} + {@code confidentialityReason} (ACC-06), the retention facts of
 * {@code retention-class} (booleans, default false), {@code evidenceDescription} (REC-10, required
 * when {@code usedAsEvidence}), and {@code segments} / {@code interruptionReason} (REC-06), and the REC-09 classes {@code unit} (执法单位)
 * and {@code cause} (案由; taken from the case when left out).
 */
public record UploadRequest(String activity, String caseNumber, String deviceNumber, List<String> officers,
    String partyName, Instant startedAt, Instant endedAt, boolean confidential, String confidentialityReason,
    Map<String, Boolean> facts, String evidenceDescription, List<Segment> segments, String interruptionReason,
    boolean affectsLibertyLifeOrMajorProperty, String unit, String cause) {

  /**
   * One continuous piece of a recording made in several segments (REC-06). {@code interruptionReason}
   * explains the gap before this segment; the first segment has none.
   */
  public record Segment(Instant startedAt, Instant endedAt, String interruptionReason) {}
}
