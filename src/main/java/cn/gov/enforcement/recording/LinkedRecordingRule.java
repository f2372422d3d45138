package cn.gov.enforcement.recording;

import cn.gov.enforcement.forms.FormRule;
import cn.gov.enforcement.forms.FormValues;
import cn.gov.enforcement.forms.FormViolation;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.mime.MediaType;

/**
 * A service step whose {@code recording-requirement} demands a record (SVC-02 lodged service: photo,
 * video or audio; SVC-05 public notice: screenshot, photo or video) completes only with at least one
 * recording of this case from the evidence store linked, of a medium that meets the requirement
 * (REC-02). Refused with a 400 naming the field, in Tasklist and over REST alike; an exemption
 * decided by the DMN ({@code EXEMPT}) or a requirement of {@code OPTIONAL}/{@code NONE} asks nothing.
 */
abstract class LinkedRecordingRule implements FormRule {

  static final Set<String> NOT_DEMANDING = Set.of("OPTIONAL", "NONE", "EXEMPT");

  private final RecordingRepository repository;

  LinkedRecordingRule(RecordingRepository repository) {
    this.repository = repository;
  }

  /** The form field that links the recordings. */
  abstract String field();

  /** Its label in the form, named in the refusal. */
  abstract String label();

  /** Whether this submission is the record of a service that took place (lodged: the document was left). */
  boolean applies(FormValues values) {
    return true;
  }

  private String named() {
    return "字段 " + field() + "（" + label() + "）";
  }

  @Override
  public List<FormViolation> check(FormValues values) {
    String requirement = values.text("recordingRequirement").orElse(null);
    if (requirement == null || NOT_DEMANDING.contains(requirement) || !applies(values)) {
      return List.of();
    }
    List<String> ids = CaseEvidence.ids(values.get(field()));
    if (ids.isEmpty()) {
      return List.of(FormViolation.rule(ruleId(), field(), named() + "：音像记录要求为 " + requirement
          + "，须从本案已上传的音像资料中选择至少一项（可在本任务的“音像资料”标签页上传）",
          "field " + field() + ": the recording requirement is " + requirement
          + ", link at least one uploaded recording of this case"));
    }
    String caseNumber = values.text("caseNumber").orElse(null);
    boolean meets = false;
    for (String id : ids) {
      Optional<Recording> recording = repository.find(id);
      if (recording.isEmpty() || (caseNumber != null && !caseNumber.equals(recording.get().caseNumber()))) {
        return List.of(FormViolation.rule(ruleId(), field(), named() + "：所选音像资料 " + id + " 不是本案已上传的记录",
            "field " + field() + ": recording " + id + " is not an uploaded recording of this case"));
      }
      meets |= RecordingRequirementCheck.warning(requirement, MediaType.parse(recording.get().mediaType())).isEmpty();
    }
    if (!meets) {
      return List.of(FormViolation.rule(ruleId(), field(), named() + "：所选音像资料的类型不满足记录要求 " + requirement
          + "（" + (requirement.equals("PHOTO_OR_AV") ? "须有照片或录像" : "媒体类型不符") + "）",
          "field " + field() + ": none of the linked recordings is of a medium that meets " + requirement));
    }
    return List.of();
  }
}
