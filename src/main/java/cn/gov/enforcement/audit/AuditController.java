package cn.gov.enforcement.audit;

import cn.gov.enforcement.identity.BureauGroup;
import cn.gov.enforcement.web.ApiException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/audit} and {@code GET /api/audit/verify} (contract "Evidence API"). */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

  /** Those who oversee the records: supervision, leadership, the legal unit and the records office. */
  static final Set<String> READERS = Set.of(BureauGroup.SUPERVISOR.id(), BureauGroup.DIRECTOR.id(),
      BureauGroup.DEPUTY_DIRECTOR.id(), BureauGroup.LEGAL_AFFAIRS.id(), BureauGroup.RECORDS_OFFICE.id(),
      BureauGroup.CAMUNDA_ADMIN.id());

  private final AuditLog auditLog;
  private final IdentityService identityService;

  public AuditController(AuditLog auditLog, IdentityService identityService) {
    this.auditLog = auditLog;
    this.identityService = identityService;
  }

  @GetMapping
  public List<AuditEntry> entries(@RequestParam String from, @RequestParam String to) {
    String reader = requireReader();
    Instant start = instant("from", from);
    Instant end = instant("to", to);
    auditLog.append(reader, AuditAction.AUDIT_READ, null, "from=" + from + " to=" + to);
    return auditLog.between(start, end);
  }

  @GetMapping("/verify")
  public AuditVerification verify() {
    requireReader();
    return auditLog.verify();
  }

  private String requireReader() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getGroupIds() == null
        || authentication.getGroupIds().stream().noneMatch(READERS::contains)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN",
          "无权查看审计日志 / you may not read the audit log");
    }
    return authentication.getUserId();
  }

  /** Accepts an ISO-8601 instant with offset or a date (yyyy-MM-dd, start of the day in Asia/Shanghai). */
  static Instant instant(String name, String value) {
    try {
      if (value.length() == 10) {
        return java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
      }
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_FIELD",
          "参数 " + name + " 须为 ISO-8601 时间 / " + name + " must be an ISO-8601 date-time with offset or a date");
    }
  }
}
