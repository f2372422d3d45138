package cn.gov.enforcement.recording;

import cn.gov.enforcement.audit.AuditAction;
import cn.gov.enforcement.audit.AuditLog;
import cn.gov.enforcement.audit.RowDigest;
import cn.gov.enforcement.identity.BureauGroup;
import cn.gov.enforcement.platform.EngineClock;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.tika.mime.MediaType;
import org.apache.tomcat.util.http.fileupload.FileItemIterator;
import org.apache.tomcat.util.http.fileupload.FileItemStream;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.servlet.ServletRequestContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code POST /api/recordings}: the multipart body is read as a stream (Tomcat's streaming
 * multipart iterator; Spring's buffering is switched off for this path by
 * {@link StreamingMultipartResolver}), the file part goes straight into {@code partial/} while
 * SHA-256 and SM3 are computed, then type, completeness, metadata, checks and retention are
 * settled; only then is the original moved into place and its rows committed. Any refusal
 * deletes the partial file: a rejected upload leaves neither file nor row.
 */
@Service
public class IngestService {

  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
  /** Form fields are small; a huge "field" is an attack, not metadata. */
  private static final int MAX_FIELD_BYTES = 64 * 1024;
  private static final int MAX_PARTS = 64;

  /** Who may upload: officers, auxiliary staff (AUX-02, tied to officers by AUX-04), section heads, the records office. */
  static final Set<String> UPLOADERS = Set.of(BureauGroup.ENFORCEMENT_OFFICER.id(), BureauGroup.AUXILIARY_STAFF.id(),
      BureauGroup.SECTION_HEAD.id(), BureauGroup.RECORDS_OFFICE.id());

  private final RecordingProperties properties;
  private final RecordingStorage storage;
  private final MediaTypeDetector detector;
  private final CompletenessCheck completeness;
  private final MetadataReader metadataReader;
  private final UploadRequestParser parser;
  private final RecordingChecks checks;
  private final RetentionClassifier classifier;
  private final RecordingRepository repository;
  private final AuditLog auditLog;
  private final UploadDeadlineWarnings deadlineWarnings;
  private final TransactionTemplate transaction;
  private final RecordingRequirementCheck requirementCheck;
  private final PolyglotCheck polyglots;
  private final CaseEvidenceRefresh caseEvidence;
  private final RecordingInterruptions interruptions;
  private final org.springframework.beans.factory.ObjectProvider<DeviceCheckWarning> deviceChecks;

  public IngestService(RecordingProperties properties, RecordingStorage storage, MediaTypeDetector detector,
      CompletenessCheck completeness, MetadataReader metadataReader, UploadRequestParser parser, RecordingChecks checks,
      RetentionClassifier classifier, RecordingRepository repository, AuditLog auditLog,
      UploadDeadlineWarnings deadlineWarnings, TransactionTemplate transaction,
      RecordingRequirementCheck requirementCheck, PolyglotCheck polyglots, CaseEvidenceRefresh caseEvidence,
      RecordingInterruptions interruptions,
      org.springframework.beans.factory.ObjectProvider<DeviceCheckWarning> deviceChecks) {
    this.deviceChecks = deviceChecks;
    this.polyglots = polyglots;
    this.caseEvidence = caseEvidence;
    this.interruptions = interruptions;
    this.requirementCheck = requirementCheck;
    this.properties = properties;
    this.storage = storage;
    this.detector = detector;
    this.completeness = completeness;
    this.metadataReader = metadataReader;
    this.parser = parser;
    this.checks = checks;
    this.classifier = classifier;
    this.repository = repository;
    this.auditLog = auditLog;
    this.deadlineWarnings = deadlineWarnings;
    this.transaction = transaction;
  }

  /** The outcome of an accepted upload: the row, its first classification. */
  public record Ingested(Recording recording, Classification classification) {}

  public Ingested ingest(HttpServletRequest request, Caller caller) {
    if (!caller.inAny(UPLOADERS)) {
      throw Refusals.forbidden("无权上传音像记录", "you may not upload recordings");
    }
    if (request.getContentType() == null
        || !request.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
      throw Refusals.invalid("body", "须为 multipart/form-data", "must be multipart/form-data");
    }
    long limit = properties.upload().maxSize().toBytes();
    if (request.getContentLengthLong() > limit + MAX_FIELD_BYTES * 4L) {
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
    Map<String, String> fields = new LinkedHashMap<>();
    DigestingCopier.Digests digests = null;
    String clientFileName = null;
    try {
      FileUpload upload = new FileUpload();
      upload.setHeaderEncoding(StandardCharsets.UTF_8.name());
      upload.setFileCountMax(MAX_PARTS);
      FileItemIterator items = upload.getItemIterator(new ServletRequestContext(request));
      while (items.hasNext()) {
        FileItemStream item = items.next();
        try (InputStream in = item.openStream()) {
          if (item.isFormField()) {
            fields.put(item.getFieldName(), readField(item.getFieldName(), in));
          } else if ("file".equals(item.getFieldName())) {
            if (digests != null) {
              throw Refusals.invalid("file", "只能上传一个文件", "exactly one file per upload");
            }
            // metadata sent before the file is checked before a single byte is stored
            if (!fields.isEmpty()) {
              parser.parse(fields);
            }
            String disposition = item.getHeaders() == null ? null : item.getHeaders().getHeader("content-disposition");
            if (disposition != null && disposition.chars().filter(ch -> ch == '"').count() % 2 != 0) {
              // a CR LF inside the quoted name ended the header line: the name was cut, refuse it
              throw invalidFileName();
            }
            clientFileName = clientFileName(item.getName());
            digests = DigestingCopier.copy(in, partial, limit);
          } else {
            throw Refusals.invalid(item.getFieldName(), "未知的文件字段", "unknown file part");
          }
        }
      }
    } catch (org.apache.tomcat.util.http.fileupload.InvalidFileNameException e) {
      // Tomcat refuses a file name with NUL when it is read
      throw invalidFileName();
    } catch (DigestingCopier.LimitExceeded e) {
      throw Refusals.tooLarge(limit);
    } catch (IOException e) {
      // the client went away or sent a broken body: nothing is kept
      LOG.info("upload {} by {} aborted: {}", id, caller.userId(), e.toString());
      throw new cn.gov.enforcement.web.ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, "UPLOAD_INCOMPLETE",
          "上传未完成（连接中断或格式错误） / the upload did not complete (connection lost or malformed body)");
    }
    if (digests == null) {
      throw Refusals.missing("file");
    }
    // parsed again with the fields sent after the file, if any
    UploadRequest upload = parser.parse(fields);
    boolean stopped = parser.recordingStopped(fields, upload);
    if (digests.size() == 0) {
      throw Refusals.emptyFile();
    }
    try {
      MediaType type = detector.detect(partial);
      if (!MediaTypeDetector.isRecording(type)) {
        throw Refusals.unsupportedMedia(type.toString());
      }
      Optional<String> problem = completeness.problem(partial, type);
      if (problem.isPresent()) {
        throw Refusals.truncated(problem.get());
      }
      Optional<String> foreign = polyglots.problem(partial, type);
      if (foreign.isPresent()) {
        throw Refusals.polyglot(foreign.get());
      }
      MediaMetadata media = metadataReader.read(partial, type);
      return store(id, partial, caller, upload, type, digests, media, clientFileName, stopped);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the upload " + id, e);
    }
  }

  private Ingested store(String id, Path partial, Caller caller, UploadRequest upload, MediaType type,
      DigestingCopier.Digests digests, MediaMetadata media, String clientFileName, boolean stopped) throws IOException {
    Instant now = EngineClock.now().toInstant().truncatedTo(ChronoUnit.MILLIS);
    Instant deadline = checks.uploadDeadline(upload.endedAt());
    List<String> warnings = new java.util.ArrayList<>(checks.warnings(upload, media, now));
    // REC-02: can this medium satisfy how the activity must be recorded?
    String requirement = requirementCheck.requirement(upload.activity(), upload.affectsLibertyLifeOrMajorProperty())
        .orElse(null);
    if (requirement != null) {
      RecordingRequirementCheck.warning(requirement, type).ifPresent(warnings::add);
    }
    // REC-15: was the device registered and checked (clock set) that day before the recording began?
    deviceChecks.ifAvailable(check -> check.warning(upload.deviceNumber(), upload.startedAt()).ifPresent(warnings::add));
    String target = storage.targetFor(id, upload.startedAt().atZone(RetentionClassifier.SHANGHAI).toLocalDate(),
        MediaTypeDetector.extension(type));
    Recording recording = new Recording(id, target, type.getBaseType().toString(), digests.size(), digests.sha256(),
        digests.sm3(), upload.activity(), upload.caseNumber(), upload.deviceNumber(), upload.officers(),
        upload.partyName(), upload.startedAt(), upload.endedAt(), now, caller.userId(), deadline, now.isAfter(deadline),
        upload.confidential(), upload.confidentialityReason(), media.status(), media.durationSeconds(),
        media.createdAt(), media.deviceMake(), media.deviceModel(), clientFileName,
        upload.segments().isEmpty() && upload.interruptionReason() == null ? null : RecordingRepository.json(
            Map.of("segments", upload.segments().stream().map(s -> Map.of("startedAt", s.startedAt().toString(),
                "endedAt", s.endedAt().toString(), "interruptionReason", String.valueOf(s.interruptionReason()))).toList(),
                "interruptionReason", String.valueOf(upload.interruptionReason()))),
        warnings, upload.evidenceDescription(), requirement, upload.unit(), upload.cause());
    Classification classification = classifier.initial(id, upload.activity(), upload.endedAt(), upload.facts(),
        caller.userId(), now, "ingest");
    storage.writeMarker(id, target);
    boolean moved = false;
    try {
      Classification stored = transaction.execute(status -> {
        repository.insert(recording);
        repository.insertClassification(classification);
        deadlineWarnings.recordingIngested(recording);
        if (stopped) {
          interruptions.recordingStopped(recording, upload.interruptionReason());
        }
        try {
          storage.moveIntoPlace(partial, target);
        } catch (IOException e) {
          throw new IllegalStateException("cannot move the upload into place", e);
        }
        // last: the audit append locks the chain's head row until this transaction commits (issue 11),
        // and carries the digest of the recording row as stored
        auditLog.appendCovering(caller.userId(), AuditAction.UPLOAD, RowDigest.RECORDING, id,
            "sha256=" + digests.sha256() + " sm3=" + digests.sm3()
            + " size=" + digests.size() + " type=" + recording.mediaType() + " case=" + recording.caseNumber()
            + " officers=" + String.join(",", recording.officers())
            + (caller.in(BureauGroup.AUXILIARY_STAFF) ? " (uploaded by auxiliary staff for the named officers, AUX-04)" : "")
            + " retention=" + classification.retentionClass() + " warnings=" + warnings.size());
        return repository.currentClassification(id).orElseThrow();
      });
      moved = true;
      caseEvidence.recordingStored(recording);
      return new Ingested(recording, stored);
    } finally {
      if (!moved) {
        // the row did not commit: the original must not stay (either complete and acknowledged, or nothing)
        try {
          Files.deleteIfExists(storage.resolve(target));
        } catch (IOException e) {
          LOG.warn("cannot remove {} after a failed commit; the startup sweep will", target);
        }
      }
      storage.deleteMarker(id);
    }
  }

  private static cn.gov.enforcement.web.ApiException invalidFileName() {
    return Refusals.invalid("file", "文件名不得含控制字符（回车、换行、NUL 等）",
        "the file name must not contain control characters (CR, LF, NUL …)");
  }

  private static String readField(String name, InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_FIELD_BYTES + 1);
    if (bytes.length > MAX_FIELD_BYTES) {
      throw Refusals.invalid(name, "字段过长", "field too long");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * Kept as a label only (never a path): the last path segment, at most 200 characters. A name with
   * control characters (CR, LF, NUL …) is refused: it is either an attack on logs and headers or
   * broken, and silently changing it would store a label the client never sent.
   */
  static String clientFileName(String name) {
    if (name == null) {
      return null;
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw invalidFileName();
    }
    String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    String clean = last.replaceAll("[\\p{Cntrl}]", "").strip();
    return clean.isEmpty() ? null : clean.substring(0, Math.min(200, clean.length()));
  }
}
