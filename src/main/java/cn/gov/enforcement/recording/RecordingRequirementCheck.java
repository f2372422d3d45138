package cn.gov.enforcement.recording;

import cn.gov.enforcement.identity.SystemActions;
import java.util.Map;
import java.util.Optional;
import org.apache.tika.mime.MediaType;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * REC-02 at ingest: asks the DMN {@code recording-requirement} how the activity must be recorded and
 * warns when the stored medium cannot satisfy it (audio only where audio and video are required, a
 * photo where sound is required). The rule stays in the table; this class only compares media kinds.
 * While the table is not deployed the check is skipped (logged), never guessed.
 */
@Component
public class RecordingRequirementCheck {

  public static final String DECISION_KEY = "recording-requirement";
  private static final Logger LOG = LoggerFactory.getLogger(RecordingRequirementCheck.class);

  private final DecisionService decisionService;
  private final RepositoryService repositoryService;
  private final SystemActions system;

  public RecordingRequirementCheck(DecisionService decisionService, RepositoryService repositoryService,
      SystemActions system) {
    this.decisionService = decisionService;
    this.repositoryService = repositoryService;
    this.system = system;
  }

  /** The table's {@code requirement} for the activity, if the table is deployed. */
  public Optional<String> requirement(String activity, boolean affectsLibertyLifeOrMajorProperty) {
    return system.run(() -> {
      if (repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY).count() == 0) {
        LOG.warn("decision {} is not deployed: REC-02 media check skipped", DECISION_KEY);
        return Optional.<String>empty();
      }
      DmnDecisionResultEntries result = decisionService.evaluateDecisionByKey(DECISION_KEY)
          .variables(Map.of("activity", activity, "exemption", "NONE",
              "affectsLibertyLifeOrMajorProperty", affectsLibertyLifeOrMajorProperty))
          .evaluate().getSingleResult();
      return Optional.ofNullable(result == null ? null : (String) result.get("requirement"));
    });
  }

  /** A warning when the medium cannot meet the requirement. */
  public static Optional<String> warning(String requirement, MediaType type) {
    String kind = type.getType();
    boolean ok = switch (requirement) {
      case "FULL_PROCESS_AV", "AV", "SURVEILLANCE" -> "video".equals(kind);
      case "AUDIO" -> "audio".equals(kind) || "video".equals(kind);
      case "PHOTO_OR_AV" -> "image".equals(kind) || "video".equals(kind);
      default -> true;
    };
    return ok ? Optional.empty() : Optional.of("REC-02 MEDIA_MISMATCH: 该执法活动要求" + WarningTexts.requirement(requirement)
        + "，上传的文件为" + WarningTexts.kind(kind) + "文件 / the activity requires " + requirement + ", the file is "
        + type.getBaseType());
  }
}
