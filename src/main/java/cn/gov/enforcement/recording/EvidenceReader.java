package cn.gov.enforcement.recording;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;

/**
 * The evidence store as other capabilities may read it (the case file, issue 15): a case's recordings
 * with their digests, and an original as a stream. Nothing here changes a recording.
 */
@Service
public class EvidenceReader {

  /** One stored original as the case file lists it. */
  public record Item(String id, String activity, String mediaType, long sizeBytes, String sha256, String sm3,
      String deviceNumber, List<String> officers, String partyName, Instant startedAt, Instant endedAt,
      Instant uploadedAt, String uploadedBy, boolean late, Double durationSeconds, Instant recordedAt,
      List<String> warnings, boolean confidential, boolean disposed, String extension, String unit, String cause) {}

  private final RecordingRepository repository;
  private final RecordingStorage storage;
  private final RecordingVisibility visibility;
  private final IdentityService identityService;

  public EvidenceReader(RecordingRepository repository, RecordingStorage storage, RecordingVisibility visibility,
      IdentityService identityService) {
    this.repository = repository;
    this.storage = storage;
    this.visibility = visibility;
    this.identityService = identityService;
  }

  /** Every recording of the case (for the archive package, made as the system). */
  public List<Item> forCase(String caseNumber) {
    return repository.list(caseNumber).stream().map(this::item).toList();
  }

  /** The recordings of the case the current caller may see (ACC-06, AUX-03), for the case file view. */
  public List<Item> visibleForCase(String caseNumber) {
    var allowed = visibility.forCaller(Caller.current(identityService));
    return repository.list(caseNumber).stream().filter(allowed).map(this::item).toList();
  }

  /** The stored original, streamed (never read into memory); the caller closes it. */
  public InputStream open(String id) throws IOException {
    Recording recording = repository.find(id).orElseThrow(() -> Refusals.notFound(id));
    return Files.newInputStream(storage.resolve(recording.storagePath()));
  }

  private Item item(Recording r) {
    String path = r.storagePath();
    int dot = path.lastIndexOf('.');
    return new Item(r.id(), r.activity(), r.mediaType(), r.sizeBytes(), r.sha256(), r.sm3(), r.deviceNumber(),
        r.officers(), r.partyName(), r.startedAt(), r.endedAt(), r.uploadedAt(), r.uploadedBy(), r.late(),
        r.durationSeconds(), r.recordedAt(), r.warnings(), r.confidential(), repository.isDisposed(r.id()),
        dot < 0 ? "" : path.substring(dot), r.unit(), r.cause());
  }
}
