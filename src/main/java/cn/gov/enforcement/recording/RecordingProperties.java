package cn.gov.enforcement.recording;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** The {@code recording:} block of application.yaml; every number of the agency rule set is here, not in code. */
@ConfigurationProperties("recording")
public record RecordingProperties(Storage storage, Upload upload, Metadata metadata, Rules rules, Access access,
    Fixity fixity, Disposal disposal, String unit) {

  public record Storage(Path root) {}

  public record Upload(DataSize maxSize) {}

  public record Metadata(Duration timeout, int maxConcurrent, int writeLimit) {}

  /** REC-08 upload deadline, REC-05 time tolerance, how long the uploader may fetch their own upload. */
  public record Rules(Duration uploadDeadline, Duration timeTolerance, Duration uploaderAccess) {}

  public record Access(Period grantValidity) {}

  public record Fixity(Duration interval, Duration initialDelay) {}

  public record Disposal(Duration scanInterval, Duration initialDelay) {}
}
