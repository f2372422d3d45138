package cn.gov.enforcement.recording;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.tika.mime.MediaType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The warnings an accepted upload is stored with (it is never refused for them): the checks of
 * {@link RecordingChecks} (REC-05, REC-06, REC-08), whether the medium meets the activity's recording
 * requirement (REC-02, DMN {@code recording-requirement}) and whether the device was checked that day
 * (REC-15, when the inspection module is present).
 */
@Component
public class IngestAssessment {

  private final RecordingChecks checks;
  private final RecordingRequirementCheck requirementCheck;
  private final ObjectProvider<DeviceCheckWarning> deviceChecks;

  public IngestAssessment(RecordingChecks checks, RecordingRequirementCheck requirementCheck,
      ObjectProvider<DeviceCheckWarning> deviceChecks) {
    this.checks = checks;
    this.requirementCheck = requirementCheck;
    this.deviceChecks = deviceChecks;
  }

  /** The REC-08 deadline, the stored warning codes, and the REC-02 requirement (null when none applies). */
  record Assessment(Instant uploadDeadline, List<String> warnings, String requirement) {}

  Assessment assess(UploadRequest upload, MediaType type, MediaMetadata media, Instant now) {
    List<String> warnings = new ArrayList<>(checks.warnings(upload, media, now));
    String requirement = requirementCheck.requirement(upload.activity(), upload.affectsLibertyLifeOrMajorProperty())
        .orElse(null);
    if (requirement != null) {
      RecordingRequirementCheck.warning(requirement, type).ifPresent(warnings::add);
    }
    deviceChecks.ifAvailable(check -> check.warning(upload.deviceNumber(), upload.startedAt()).ifPresent(warnings::add));
    return new Assessment(checks.uploadDeadline(upload.endedAt()), List.copyOf(warnings), requirement);
  }
}
