package cn.gov.enforcement.recording;

import cn.gov.enforcement.identity.BureauGroup;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * A recording's retention class after its upload (RET-05, RET-06): later facts reported through
 * {@code POST /api/recordings/{id}/facts} and another period for a recording a disposal review kept
 * (recording-disposal, Task_ExtendRetention and the hold found at disposal). The rule that a class
 * never gets shorter is {@link RetentionClassifier}'s; this is who may ask for a decision and with what.
 */
@Service
public class RetentionDecisions {

  /** Who may report facts that lengthen retention; never auxiliary staff (AUX-03). */
  static final Set<String> FACT_REPORTERS = Set.of(BureauGroup.ENFORCEMENT_OFFICER.id(), BureauGroup.SECTION_HEAD.id(),
      BureauGroup.LEGAL_AFFAIRS.id(), BureauGroup.RECORDS_OFFICE.id(), BureauGroup.DIRECTOR.id(),
      BureauGroup.DEPUTY_DIRECTOR.id());

  /** What a caller reports: some of {@link RetentionDecision#LATER_FACTS}, and why. */
  public record ReportedFacts(Map<String, Boolean> facts, String evidenceDescription, String reason) {}

  /** The recording as re-decided, and whether it was disposed of (its answer says so). */
  public record Decided(Recording recording, Classification current, boolean disposed) {}

  private final RecordingRepository repository;
  private final RecordingVisibility visibility;
  private final RetentionClassifier classifier;

  public RetentionDecisions(RecordingRepository repository, RecordingVisibility visibility,
      RetentionClassifier classifier) {
    this.repository = repository;
    this.visibility = visibility;
    this.classifier = classifier;
  }

  /**
   * Re-decides with the reported facts. The facts are read only once the caller is known to see the
   * recording, so a recording hidden from them (ACC-06, AUX-03) answers 404 whatever the body says,
   * and a malformed body never tells that it exists.
   */
  public Decided report(String recordingId, Caller caller, Supplier<ReportedFacts> reported) {
    if (!caller.inAny(FACT_REPORTERS)) {
      throw Refusals.forbidden("无权变更保存事实", "you may not report retention facts");
    }
    Recording recording = visibility.require(recordingId, caller);
    ReportedFacts facts = reported.get();
    String description = facts.evidenceDescription();
    // REC-10: a recording used as evidence says what it proves
    if (Boolean.TRUE.equals(facts.facts().get("usedAsEvidence")) && (description == null || description.isBlank())) {
      throw Refusals.missing("evidenceDescription");
    }
    String reason = facts.reason();
    String note = description == null ? reason : "evidence description: " + description + (reason == null ? "" : "; " + reason);
    Classification current = classifier.redecide(recording, facts.facts(), caller.userId(), note);
    return new Decided(recording, current, repository.isDisposed(recordingId));
  }

  /** A kept recording gets another minimum period from now, as a new classification row. */
  public Classification keep(String recordingId, String actor, String reason) {
    Recording recording = repository.find(recordingId)
        .orElseThrow(() -> new IllegalStateException("recording " + recordingId + " is not stored"));
    return classifier.extend(recording, actor, reason);
  }
}
