package cn.gov.enforcement.recording;

import cn.gov.enforcement.activities.EnforcementActivity;
import cn.gov.enforcement.identity.SystemActions;
import cn.gov.enforcement.identity.CertifiedOfficers;
import cn.gov.enforcement.platform.EngineClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns the upload's form fields into an {@link UploadRequest}, or refuses: {@code 400} for a missing
 * or malformed field, {@code 422} for metadata that contradicts itself or the staff register — end
 * before start, an unknown officer, an officer without an enforcement certificate (AUX-04: an upload
 * by auxiliary staff is always tied to certified officers, and auxiliary staff never count as one).
 */
@Component
public class UploadRequestParser {

  /** The contract's activities (the same list as the DMN inputs, {@link EnforcementActivity}). */
  static final Set<String> ACTIVITIES = Set.copyOf(EnforcementActivity.CODES);

  static final Set<String> KNOWN_FIELDS;

  static {
    Set<String> known = new java.util.HashSet<>(Set.of("activity", "caseNumber", "deviceNumber", "officers", "partyName",
        "startedAt", "endedAt", "confidential", "confidentialityReason", "evidenceDescription", "segments",
        "interruptionReason", "affectsLibertyLifeOrMajorProperty", RecordingInterruptions.FLAG));
    known.addAll(RetentionDecision.FACTS);
    known.addAll(Set.of("unit", "cause")); // REC-09 classes
    KNOWN_FIELDS = Set.copyOf(known);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CertifiedOfficers certifiedOfficers;
  private final RecordingProperties properties;
  private final org.camunda.bpm.engine.IdentityService identityService;
  private final SystemActions system;
  private final CaseCauses caseCauses;

  public UploadRequestParser(CertifiedOfficers certifiedOfficers, RecordingProperties properties,
      org.camunda.bpm.engine.IdentityService identityService, SystemActions system, CaseCauses caseCauses) {
    this.caseCauses = caseCauses;
    this.system = system;
    this.certifiedOfficers = certifiedOfficers;
    this.identityService = identityService;
    this.properties = properties;
  }

  /**
   * The longest value each stored text field takes (the columns' sizes): longer is a clear 400, never
   * a database error. Single-line fields may hold no control characters at all; none may hold NUL.
   */
  static final Map<String, Integer> MAX_LENGTH = Map.ofEntries(Map.entry("activity", 64), Map.entry("caseNumber", 128),
      Map.entry("deviceNumber", 128), Map.entry("officers", 512), Map.entry("partyName", 256),
      Map.entry("confidentialityReason", 1000), Map.entry("evidenceDescription", 4000), Map.entry("segments", 6000),
      Map.entry("interruptionReason", 1000), Map.entry("unit", 128), Map.entry("cause", 256));
  static final Set<String> SINGLE_LINE = Set.of("activity", "caseNumber", "deviceNumber", "officers", "partyName",
      "startedAt", "endedAt", "unit", "cause");

  public UploadRequest parse(Map<String, String> fields) {
    for (Map.Entry<String, String> field : fields.entrySet()) {
      String name = field.getKey();
      if (!KNOWN_FIELDS.contains(name)) {
        throw Refusals.invalid(name, "未知字段", "unknown field");
      }
      String value = field.getValue() == null ? "" : field.getValue();
      Integer max = MAX_LENGTH.get(name);
      if (max != null && value.strip().length() > max) {
        throw Refusals.invalid(name, "超过 " + max + " 个字符", "longer than " + max + " characters");
      }
      if (value.indexOf('\0') >= 0 || (SINGLE_LINE.contains(name) && value.strip().chars().anyMatch(Character::isISOControl))) {
        throw Refusals.invalid(name, "含有控制字符（回车、换行、NUL 等）", "contains control characters (CR, LF, NUL …)");
      }
    }
    String activity = required(fields, "activity");
    if (!ACTIVITIES.contains(activity)) {
      throw Refusals.invalid("activity", "不是合同所列执法活动", "not one of the contract's activities");
    }
    String deviceNumber = required(fields, "deviceNumber");
    List<String> officers = Arrays.stream(required(fields, "officers").split(",")).map(String::trim)
        .filter(s -> !s.isEmpty()).distinct().toList();
    if (officers.isEmpty()) {
      throw Refusals.missing("officers");
    }
    Instant startedAt = instant(fields, "startedAt");
    Instant endedAt = instant(fields, "endedAt");
    if (!endedAt.isAfter(startedAt)) {
      throw Refusals.inconsistent("结束时间不晚于开始时间", "endedAt is not after startedAt");
    }
    if (endedAt.isAfter(EngineClock.now().toInstant().plus(properties.rules().timeTolerance()))) {
      throw Refusals.inconsistent("结束时间在未来", "endedAt lies in the future");
    }
    // the staff register is read by the system: an officer may not read other users, the rule may
    system.perform(() -> officers.forEach(this::requireCertified));
    Map<String, Boolean> facts = new LinkedHashMap<>();
    for (String fact : RetentionDecision.FACTS) {
      facts.put(fact, bool(fields, fact));
    }
    String evidenceDescription = optional(fields, "evidenceDescription");
    if (facts.get("usedAsEvidence") && evidenceDescription == null) {
      // REC-10: recording content becomes evidence only with a written description
      throw Refusals.missing("evidenceDescription");
    }
    boolean confidential = bool(fields, "confidential");
    String confidentialityReason = optional(fields, "confidentialityReason");
    if (confidential && confidentialityReason == null) {
      throw Refusals.missing("confidentialityReason");
    }
    List<UploadRequest.Segment> segments = segments(optional(fields, "segments"));
    for (UploadRequest.Segment segment : segments) {
      if (!segment.endedAt().isAfter(segment.startedAt())) {
        throw Refusals.inconsistent("分段结束时间不晚于开始时间", "a segment ends before it starts");
      }
    }
    return new UploadRequest(activity, optional(fields, "caseNumber"), deviceNumber, officers,
        optional(fields, "partyName"), startedAt, endedAt, confidential, confidentialityReason, facts,
        evidenceDescription, segments, optional(fields, "interruptionReason"),
        bool(fields, "affectsLibertyLifeOrMajorProperty"), unit(fields), cause(fields));
  }

  private void requireCertified(String officer) {
    if (identityService.createUserQuery().userId(officer).count() == 0) {
      throw Refusals.inconsistent("执法人员 " + officer + " 不存在", "officer " + officer + " is unknown");
    }
    if (!certifiedOfficers.isCertified(officer)) {
      throw Refusals.inconsistent("执法人员 " + officer + " 未持有行政执法证（辅助人员不能作为执法人员）",
          "officer " + officer + " holds no enforcement certificate (auxiliary staff cannot be named as officers)");
    }
  }

  private static List<UploadRequest.Segment> segments(String json) {
    if (json == null) {
      return List.of();
    }
    List<UploadRequest.Segment> segments = new ArrayList<>();
    try {
      JsonNode array = JSON.readTree(json);
      if (!array.isArray()) {
        throw Refusals.invalid("segments", "须为 JSON 数组", "must be a JSON array");
      }
      for (JsonNode node : array) {
        segments.add(new UploadRequest.Segment(OffsetDateTime.parse(node.path("startedAt").asText()).toInstant(),
            OffsetDateTime.parse(node.path("endedAt").asText()).toInstant(),
            node.hasNonNull("interruptionReason") && !node.get("interruptionReason").asText().isBlank()
                ? node.get("interruptionReason").asText().trim() : null));
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException | DateTimeParseException e) {
      throw Refusals.invalid("segments",
          "须为 [{\"startedAt\",\"endedAt\",\"interruptionReason\"}] 且时间为带时区的 ISO-8601",
          "must be [{startedAt, endedAt, interruptionReason}] with ISO-8601 times with offset");
    }
    return segments;
  }

  private static String required(Map<String, String> fields, String name) {
    String value = optional(fields, name);
    if (value == null) {
      throw Refusals.missing(name);
    }
    return value;
  }

  private static String optional(Map<String, String> fields, String name) {
    String value = fields.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  /**
   * REC-16: the upload says the recording could not continue ({@code recordingStopped=true}); then
   * {@code interruptionReason} says why (the officer's first account; the written explanation follows).
   */
  public boolean recordingStopped(Map<String, String> fields, UploadRequest upload) {
    boolean stopped = bool(fields, RecordingInterruptions.FLAG);
    if (stopped && upload.interruptionReason() == null) {
      throw Refusals.missing("interruptionReason");
    }
    return stopped;
  }

  /** REC-09: the unit the upload names, else the configured one ({@code recording.unit}). */
  private String unit(Map<String, String> fields) {
    String unit = optional(fields, "unit");
    return unit != null ? unit : properties.unit();
  }

  /** REC-09: the cause the upload names, else the cause of the enforcement case it is filed under. */
  private String cause(Map<String, String> fields) {
    String cause = optional(fields, "cause");
    if (cause != null) {
      return cause;
    }
    String caseCause = caseCauses.cause(optional(fields, "caseNumber")).orElse(null);
    return caseCause == null ? null : caseCause.substring(0, Math.min(caseCause.length(), MAX_LENGTH.get("cause")));
  }

  private static boolean bool(Map<String, String> fields, String name) {
    String value = optional(fields, name);
    if (value == null) {
      return false;
    }
    if (!value.equals("true") && !value.equals("false")) {
      throw Refusals.invalid(name, "须为 true 或 false", "must be true or false");
    }
    return Boolean.parseBoolean(value);
  }

  private static Instant instant(Map<String, String> fields, String name) {
    String value = required(fields, name);
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw Refusals.invalid(name, "须为带时区的 ISO-8601 时间", "must be ISO-8601 with offset, e.g. 2026-11-20T10:00:00+08:00");
    }
  }
}
