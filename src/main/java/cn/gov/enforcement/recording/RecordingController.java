package cn.gov.enforcement.recording;

import cn.gov.enforcement.audit.AuditAction;
import cn.gov.enforcement.audit.AuditLog;
import cn.gov.enforcement.web.ApiErrors;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The evidence API of contract.md. Originals are write-once: there is no operation that changes one (ACC-01). */
@RestController
@RequestMapping("/api/recordings")
public class RecordingController {

  private final IngestService ingest;
  private final RecordingRepository repository;
  private final RetentionDecisions retention;
  private final ContentAccess contentAccess;
  private final AuditLog auditLog;
  private final IdentityService identityService;
  private final RecordingVisibility visibility;

  public RecordingController(IngestService ingest, RecordingRepository repository, RetentionDecisions retention,
      ContentAccess contentAccess, AuditLog auditLog, IdentityService identityService, RecordingVisibility visibility) {
    this.visibility = visibility;
    this.ingest = ingest;
    this.repository = repository;
    this.retention = retention;
    this.contentAccess = contentAccess;
    this.auditLog = auditLog;
    this.identityService = identityService;
  }

  @PostMapping
  public ResponseEntity<RecordingViews.Summary> upload(HttpServletRequest request) {
    IngestService.Ingested ingested = ingest.ingest(request, caller());
    return ResponseEntity.status(HttpStatus.CREATED)
        .header(HttpHeaders.LOCATION, "/api/recordings/" + ingested.recording().id())
        .body(RecordingViews.summary(ingested.recording(), ingested.classification(), false));
  }

  /**
   * REC-09: the recordings the caller may see (ACC-06, AUX-03), by case, unit, device, officer, party,
   * cause and by year / month / day of their start (Beijing time); every criterion given must hold.
   */
  @GetMapping
  public List<RecordingViews.Summary> list(@RequestParam(required = false) String caseNumber,
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) String deviceNumber,
      @RequestParam(required = false) String officer,
      @RequestParam(required = false) String partyName,
      @RequestParam(required = false) String cause,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) Integer month,
      @RequestParam(required = false) Integer day) {
    Caller caller = caller();
    RecordingSearch search = RecordingSearch.of(caseNumber, unit, deviceNumber, officer, partyName, cause, year, month,
        day);
    List<Recording> found = search.onlyCase() ? repository.list(search.caseNumber()) : repository.search(search);
    List<RecordingViews.Summary> visible = found.stream().filter(visibility.forCaller(caller))
        .map(r -> RecordingViews.summary(r, repository.currentClassification(r.id()).orElseThrow(),
            repository.isDisposed(r.id())))
        .toList();
    auditLog.append(caller.userId(), AuditAction.LIST, search.caseNumber(),
        (search.onlyCase() ? "caseNumber=" + search.caseNumber() : search.describe()) + " rows=" + visible.size());
    return visible;
  }

  @GetMapping("/{id}")
  public RecordingViews.Detail metadata(@PathVariable String id) {
    Caller caller = caller();
    Recording recording = visibility.require(id, caller);
    auditLog.append(caller.userId(), AuditAction.VIEW_METADATA, id, null);
    return RecordingViews.detail(recording, repository.classifications(id), repository.events(id));
  }

  @GetMapping("/{id}/content")
  public ResponseEntity<Resource> content(@PathVariable String id) {
    Caller caller = caller();
    Recording recording = visibility.require(id, caller);
    ContentAccess.Delivery delivery = contentAccess.fetch(recording, caller);
    return ResponseEntity.ok()
        .header("Digest", delivery.digestHeader())
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(delivery.fileName()).build().toString())
        .contentType(MediaType.parseMediaType(delivery.mediaType()))
        .contentLength(delivery.size())
        .body(new FileSystemResource(delivery.file()));
  }

  /**
   * Later facts (RET-05): any of the long-term booleans, {@code usedAsEvidence} with
   * {@code evidenceDescription} (REC-10), and an optional {@code reason}. The class never gets shorter.
   */
  @PostMapping("/{id}/facts")
  public RecordingViews.FactsAnswer facts(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
    RetentionDecisions.Decided decided = retention.report(id, caller(), () -> reportedFacts(body));
    return RecordingViews.facts(decided.recording(), decided.current(), decided.disposed());
  }

  /** The body as facts: each a boolean of {@link RetentionDecision#LATER_FACTS}, besides the two texts. */
  private static RetentionDecisions.ReportedFacts reportedFacts(JsonNode body) {
    if (body == null || !body.isObject() || body.isEmpty()) {
      throw Refusals.missing("facts");
    }
    Map<String, Boolean> reported = new LinkedHashMap<>();
    String reason = null;
    String description = null;
    for (var field : (Iterable<Map.Entry<String, JsonNode>>) body::fields) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      if ("reason".equals(name)) {
        reason = value.asText();
      } else if ("evidenceDescription".equals(name)) {
        description = value.asText();
      } else if (RetentionDecision.LATER_FACTS.contains(name)) {
        if (!value.isBoolean()) {
          throw Refusals.invalid(name, "须为 true 或 false", "must be true or false");
        }
        reported.put(name, value.booleanValue());
      } else {
        throw Refusals.invalid(name, "不是可报告的保存事实", "not a fact of retention-class that can be reported");
      }
    }
    return new RetentionDecisions.ReportedFacts(reported, description, reason);
  }

  /** ACC-01, AUX-03: no one changes or deletes an original, whatever their group. */
  @RequestMapping(path = {"", "/{id}", "/{id}/content", "/{id}/facts"},
      method = {RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE})
  public ResponseEntity<Map<String, String>> writeOnce(HttpServletRequest request) {
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
        .header(HttpHeaders.ALLOW, "GET, POST")
        .body(ApiErrors.body("METHOD_NOT_ALLOWED", "原始音像记录只写一次，不能修改或删除（" + request.getMethod()
            + "） / originals are write-once: " + request.getMethod() + " is not allowed"));
  }

  private Caller caller() {
    return Caller.current(identityService);
  }
}
