package cn.gov.enforcement.recording;

import cn.gov.enforcement.identity.BureauGroup;
import cn.gov.enforcement.platform.EngineClock;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * {@code POST /api/recordings}: the multipart body is read as a stream ({@link MultipartUploadReader}),
 * the file part goes straight into {@code partial/} while SHA-256 and SM3 are computed, then type,
 * completeness and metadata ({@link ContentInspection}), warnings ({@link IngestAssessment}) and
 * retention are settled; only then is the original moved into place and its rows committed
 * ({@link RecordingCommit}). Any refusal deletes the partial file: a rejected upload leaves neither
 * file nor row.
 */
@Service
public class IngestService {

  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

  /** Who may upload: officers, auxiliary staff (AUX-02, tied to officers by AUX-04), section heads, the records office. */
  static final Set<String> UPLOADERS = Set.of(BureauGroup.ENFORCEMENT_OFFICER.id(), BureauGroup.AUXILIARY_STAFF.id(),
      BureauGroup.SECTION_HEAD.id(), BureauGroup.RECORDS_OFFICE.id());

  private final RecordingProperties properties;
  private final RecordingStorage storage;
  private final MultipartUploadReader reader;
  private final UploadRequestParser parser;
  private final ContentInspection inspection;
  private final IngestAssessment assessment;
  private final RetentionClassifier classifier;
  private final RecordingCommit commit;

  public IngestService(RecordingProperties properties, RecordingStorage storage, MultipartUploadReader reader,
      UploadRequestParser parser, ContentInspection inspection, IngestAssessment assessment,
      RetentionClassifier classifier, RecordingCommit commit) {
    this.properties = properties;
    this.storage = storage;
    this.reader = reader;
    this.parser = parser;
    this.inspection = inspection;
    this.assessment = assessment;
    this.classifier = classifier;
    this.commit = commit;
  }

  /** The outcome of an accepted upload: the row, its first classification. */
  public record Ingested(Recording recording, Classification classification) {}

  public Ingested ingest(HttpServletRequest request, Caller caller) {
    if (!caller.inAny(UPLOADERS)) {
      throw Refusals.forbidden("无权上传音像记录", "you may not upload recordings");
    }
    if (request.getContentType() == null
        || !request.getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw Refusals.invalid("body", "须为 multipart/form-data", "must be multipart/form-data");
    }
    long limit = properties.upload().maxSize().toBytes();
    if (request.getContentLengthLong() > limit + MultipartUploadReader.MAX_FIELD_BYTES * 4L) {
      throw Refusals.tooLarge(limit);
    }
    String id = UUID.randomUUID().toString();
    Path partial = storage.partialFile(id);
    try {
      return receive(request, caller, id, partial, limit);
    } finally {
      RecordingStorage.deleteQuietly(partial);
    }
  }

  private Ingested receive(HttpServletRequest request, Caller caller, String id, Path partial, long limit) {
    MultipartUploadReader.Received received;
    long started = System.nanoTime();
    try {
      received = reader.read(request, partial, limit);
    } catch (DigestingCopier.LimitExceeded e) {
      throw Refusals.tooLarge(limit);
    } catch (IOException e) {
      // the client went away or sent a broken body: nothing is kept
      LOG.info("upload {} by {} aborted: {}", id, caller.userId(), e.toString());
      throw MultipartUploadReader.incomplete();
    }
    if (received.digests() == null) {
      throw Refusals.missing("file");
    }
    // parsed again with the fields sent after the file, if any
    Map<String, String> fields = received.fields();
    UploadRequest upload = parser.parse(fields);
    boolean stopped = parser.recordingStopped(fields, upload);
    if (received.digests().size() == 0) {
      throw Refusals.emptyFile();
    }
    long receivedAt = System.nanoTime();
    ContentInspection.Inspected inspected;
    try {
      inspected = inspection.inspect(partial);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the upload " + id, e);
    }
    long inspectedAt = System.nanoTime();
    Instant now = EngineClock.now().toInstant().truncatedTo(ChronoUnit.MILLIS);
    IngestAssessment.Assessment assessed = assessment.assess(upload, inspected.type(), inspected.media(), now);
    String target = storage.targetFor(id, upload.startedAt().atZone(RetentionClassifier.SHANGHAI).toLocalDate(),
        MediaTypeDetector.extension(inspected.type()));
    Recording recording = Recording.builder()
        .id(id)
        .storagePath(target)
        .mediaType(inspected.type().getBaseType().toString())
        .digests(received.digests())
        .declared(upload)
        .uploadedAt(now)
        .uploadedBy(caller.userId())
        .uploadDeadline(assessed.uploadDeadline())
        .late(now.isAfter(assessed.uploadDeadline()))
        .media(inspected.media())
        .clientFileName(received.clientFileName())
        .segmentsJson(segmentsJson(upload))
        .warnings(assessed.warnings())
        .recordingRequirement(assessed.requirement())
        .build();
    Classification classification = classifier.initial(id, upload.activity(), upload.endedAt(), upload.facts(),
        caller.userId(), now, "ingest");
    try {
      Ingested ingested = new Ingested(recording, commit.commit(recording, classification, partial, caller, stopped,
          upload.interruptionReason()));
      // where the time of a large upload goes (docs/benchmarks.md, ingest)
      LOG.info("upload {} of {} bytes: received, hashed and synced in {} ms, inspected in {} ms, committed in {} ms",
          id, received.digests().size(), (receivedAt - started) / 1_000_000, (inspectedAt - receivedAt) / 1_000_000,
          (System.nanoTime() - inspectedAt) / 1_000_000);
      return ingested;
    } catch (IOException e) {
      throw new IllegalStateException("cannot store the upload " + id, e);
    }
  }

  /** REC-06: the segments and the reason of the interruption as declared, or null for one continuous take. */
  private static String segmentsJson(UploadRequest upload) {
    if (upload.segments().isEmpty() && upload.interruptionReason() == null) {
      return null;
    }
    return RecordingRepository.json(Map.of(
        "segments", upload.segments().stream().map(s -> Map.of("startedAt", s.startedAt().toString(),
            "endedAt", s.endedAt().toString(), "interruptionReason", String.valueOf(s.interruptionReason()))).toList(),
        "interruptionReason", String.valueOf(upload.interruptionReason())));
  }
}
