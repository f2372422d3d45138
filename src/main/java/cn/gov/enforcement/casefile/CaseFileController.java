package cn.gov.enforcement.casefile;

import cn.gov.enforcement.audit.AuditAction;
import cn.gov.enforcement.audit.AuditLog;
import cn.gov.enforcement.identity.BureauGroup;
import cn.gov.enforcement.web.ApiException;
import java.util.List;
import java.util.Set;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case file (案卷) of one enforcement case, as JSON and as a page, and its archive package.
 * Reading the file: the bureau's staff except auxiliary staff (AUX-03: they see only their own
 * work) and experts; the recordings in it follow the evidence store's own visibility (ACC-06).
 * Downloading the package: the records office (档案), the legal unit (ACC-04) and the leaders.
 * Every read and every download is audited (ACC-07).
 */
@RestController
@RequestMapping("/api/cases/{caseNumber}")
public class CaseFileController {

  static final Set<String> READERS = Set.of(BureauGroup.DIRECTOR.id(), BureauGroup.DEPUTY_DIRECTOR.id(),
      BureauGroup.LEGAL_AFFAIRS.id(), BureauGroup.SECTION_HEAD.id(), BureauGroup.ENFORCEMENT_OFFICER.id(),
      BureauGroup.RECORDS_OFFICE.id(), BureauGroup.SUPERVISOR.id());
  static final Set<String> PACKAGE_READERS = Set.of(BureauGroup.RECORDS_OFFICE.id(), BureauGroup.LEGAL_AFFAIRS.id(),
      BureauGroup.DIRECTOR.id(), BureauGroup.DEPUTY_DIRECTOR.id());

  private final CaseFileReader reader;
  private final CaseArchives archives;
  private final ArchivePackager packager;
  private final AuditLog auditLog;
  private final IdentityService identityService;

  public CaseFileController(CaseFileReader reader, CaseArchives archives, ArchivePackager packager, AuditLog auditLog,
      IdentityService identityService) {
    this.reader = reader;
    this.archives = archives;
    this.packager = packager;
    this.auditLog = auditLog;
    this.identityService = identityService;
  }

  @GetMapping("/file")
  public CaseFile file(@PathVariable String caseNumber) {
    String user = caller(READERS);
    CaseFile file = reader.read(caseNumber, false, null).orElseThrow(() -> notFound(caseNumber));
    auditLog.append(user, AuditAction.CASE_FILE_READ, caseNumber, "json");
    return file;
  }

  @GetMapping(value = "/file.html", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> page(@PathVariable String caseNumber) {
    String user = caller(READERS);
    CaseFile file = reader.read(caseNumber, false, null).orElseThrow(() -> notFound(caseNumber));
    auditLog.append(user, AuditAction.CASE_FILE_READ, caseNumber, "html");
    return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
        .body(CaseFileHtml.render(CaseFileDocument.of(file), "行政执法案卷 " + caseNumber,
            PACKAGE_READERS.stream().anyMatch(callerGroups()::contains) ? archives.forCase(caseNumber).orElse(null) : null));
  }

  @GetMapping("/archive")
  public ResponseEntity<Resource> archive(@PathVariable String caseNumber) {
    String user = caller(PACKAGE_READERS);
    CaseArchives.Archive archive = archives.forCase(caseNumber).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
        "NOT_ARCHIVED", "案件 " + caseNumber + " 尚未归档，没有归档包 / case " + caseNumber + " has no archive package yet"));
    auditLog.append(user, AuditAction.DOWNLOAD, caseNumber, "archive package " + archive.id() + " sha256="
        + archive.sha256());
    return ResponseEntity.ok()
        .header("Digest", "sha-256=" + java.util.Base64.getEncoder().encodeToString(
            java.util.HexFormat.of().parseHex(archive.sha256())))
        .header("X-Archive-SM3", archive.sm3())
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("case-archive-" + archive.id() + ".zip").build().toString())
        .contentType(MediaType.parseMediaType("application/zip"))
        .contentLength(archive.sizeBytes())
        .body(new FileSystemResource(packager.resolve(archive)));
  }

  private String caller(Set<String> groups) {
    var authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "未登录 / not authenticated");
    }
    List<String> own = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    if (own.stream().noneMatch(groups::contains)) {
      auditLog.append(authentication.getUserId(), AuditAction.ACCESS_REFUSED, null, "case file: not in " + groups);
      throw new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", "无权查阅案卷或下载归档包 / you may not read this case file");
    }
    return authentication.getUserId();
  }

  private List<String> callerGroups() {
    var authentication = identityService.getCurrentAuthentication();
    return authentication == null || authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
  }

  private static ApiException notFound(String caseNumber) {
    return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "案件 " + caseNumber + " 不存在 / case " + caseNumber
        + " not found");
  }
}
