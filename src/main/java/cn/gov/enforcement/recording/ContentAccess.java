package cn.gov.enforcement.recording;

import cn.gov.enforcement.audit.AuditAction;
import cn.gov.enforcement.audit.AuditLog;
import cn.gov.enforcement.platform.EngineClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * {@code GET /api/recordings/{id}/content}: only with an approved, unexpired grant, or for the
 * uploader within {@code uploader-access} of the upload; every fetch and every refusal is audited
 * (who, why, when — the register of ACC-03), and the original is re-hashed before a byte leaves.
 */
@Component
public class ContentAccess {

  /** What the controller streams: the verified file and its digest header. */
  public record Delivery(Path file, String mediaType, long size, String digestHeader, String fileName) {}

  private final RecordingRepository repository;
  private final RecordingStorage storage;
  private final RecordingProperties properties;
  private final FixityCheck fixity;
  private final AuditLog auditLog;

  public ContentAccess(RecordingRepository repository, RecordingStorage storage, RecordingProperties properties,
      FixityCheck fixity, AuditLog auditLog) {
    this.repository = repository;
    this.storage = storage;
    this.properties = properties;
    this.fixity = fixity;
    this.auditLog = auditLog;
  }

  public Delivery fetch(Recording recording, Caller caller) {
    Instant now = EngineClock.now().toInstant();
    String why = why(recording, caller, now).orElse(null);
    if (why == null) {
      auditLog.append(caller.userId(), AuditAction.ACCESS_REFUSED, recording.id(), "no approved unexpired grant");
      throw Refusals.forbidden("没有经批准且未过期的调取授权", "no approved, unexpired access grant");
    }
    if (repository.isDisposed(recording.id())) {
      throw new cn.gov.enforcement.web.ApiException(HttpStatus.GONE, "DISPOSED",
          "音像记录已按批准销毁 / the recording was disposed of with approval");
    }
    Optional<String> problem = fixity.check(recording.id());
    if (problem.isPresent()) {
      throw new cn.gov.enforcement.web.ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "INTEGRITY_FAILURE",
          "原始文件完整性校验失败，已上报 / the original failed its integrity check and was reported");
    }
    auditLog.append(caller.userId(), AuditAction.DOWNLOAD, recording.id(), why + " sha256=" + recording.sha256());
    String digest = "sha-256=" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(recording.sha256()));
    String extension = recording.storagePath().substring(recording.storagePath().lastIndexOf('.'));
    return new Delivery(storage.resolve(recording.storagePath()), recording.mediaType(), recording.sizeBytes(), digest,
        recording.id() + extension);
  }

  private Optional<String> why(Recording recording, Caller caller, Instant now) {
    Optional<AccessGrant> grant = repository.activeGrant(recording.id(), caller.userId(), now);
    if (grant.isPresent()) {
      AccessGrant g = grant.get();
      return Optional.of("grant " + g.id() + " purpose=" + g.purpose() + " reason=" + g.reason() + " approvedBy="
          + g.approvedBy() + " request=" + g.processInstanceId() + " expires=" + g.expiresAt());
    }
    if (caller.userId().equals(recording.uploadedBy())
        && now.isBefore(recording.uploadedAt().plus(properties.rules().uploaderAccess()))) {
      return Optional.of("uploader within " + properties.rules().uploaderAccess() + " of the upload");
    }
    return Optional.empty();
  }

}
