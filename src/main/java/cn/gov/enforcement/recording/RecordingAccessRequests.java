package cn.gov.enforcement.recording;

import cn.gov.enforcement.audit.AuditAction;
import cn.gov.enforcement.audit.AuditLog;
import cn.gov.enforcement.platform.EngineClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;

/**
 * A request to view or copy recordings (ACC-03..ACC-07), as the steps of {@code recording-access} use
 * it: what the requester may pick, where the request goes, the grants it ends in or its refusal. The
 * delegates only read the process variables and write the outcome back; {@code GET /api/recordings/{id}/content}
 * reads the grants stored here ({@link ContentAccess}).
 */
@Service
public class RecordingAccessRequests {

  private final RecordingRepository repository;
  private final RecordingProperties properties;
  private final AuditLog auditLog;
  private final IdentityService identityService;

  public RecordingAccessRequests(RecordingRepository repository, RecordingProperties properties, AuditLog auditLog,
      IdentityService identityService) {
    this.repository = repository;
    this.properties = properties;
    this.auditLog = auditLog;
    this.identityService = identityService;
  }

  /** Where the request goes: the ids to grant, those left out of a party's copy, and who approves. */
  public record Routing(List<String> granted, List<String> excluded, boolean confidentialIncluded, String approverGroup) {}

  /** What is asked for: by whom, for which purpose and why, and the request's process instance. */
  public record Request(String requester, String purpose, String requestingParty, String reason, String processInstanceId) {}

  /** Task_ListRecordings: the stored, not disposed recordings the requester may see (ACC-06), optionally of one case. */
  public List<FormOption> requestable(String requesterId, String caseNumber) {
    Caller requester = requester(requesterId);
    return repository.list(caseNumber).stream()
        .filter(requester::maySee)
        .filter(r -> !repository.isDisposed(r.id()))
        .map(r -> new FormOption((r.caseNumber() == null ? "" : r.caseNumber() + " · ") + r.activity() + " · "
            + RecordingViews.time(r.startedAt()) + " · " + r.deviceNumber() + (r.confidential() ? " · 涉密" : ""), r.id()))
        .toList();
  }

  /**
   * Task_RouteRequest: every chosen id must have been offered; confidential recordings stay out of a
   * party's copy (ACC-05, ACC-06); the approving group follows from purpose and confidentiality (ACC-03, ACC-04).
   */
  public Routing route(AccessPurpose purpose, List<String> chosen, Set<String> offered) {
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException("请选择音像资料 / choose at least one recording");
    }
    List<String> granted = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    boolean confidential = false;
    for (String id : chosen) {
      if (!offered.contains(id)) {
        throw new IllegalArgumentException("音像资料 " + id + " 不在可选列表中 / recording " + id + " was not offered");
      }
      Recording recording = repository.find(id).orElseThrow();
      if (recording.confidential() && purpose == AccessPurpose.PARTY_COPY) {
        excluded.add(id);
      } else {
        confidential |= recording.confidential();
        granted.add(id);
      }
    }
    return new Routing(List.copyOf(granted), List.copyOf(excluded), confidential, purpose.approver(confidential).id());
  }

  /**
   * Task_GrantAccess: one grant per approved recording for the requester, ending after
   * {@code recording.access.grant-validity}. Material supplied by the legal unit requires that a copy
   * was kept (ACC-04).
   *
   * @return when the grants end
   */
  public Instant grant(Request request, List<String> recordingIds, String approver, boolean copyKept) {
    if (AccessPurpose.REVIEW_OR_LITIGATION.name().equals(request.purpose()) && !copyKept) {
      throw new IllegalArgumentException("法规科提供复议、诉讼材料须留存复制件 / the legal unit must keep a copy (ACC-04)");
    }
    Instant now = EngineClock.now().toInstant();
    Instant expires = now.atZone(RetentionClassifier.SHANGHAI).plus(properties.access().grantValidity()).toInstant();
    for (String id : recordingIds) {
      AccessGrant grant = new AccessGrant(UUID.randomUUID().toString(), id, request.requester(), request.purpose(),
          request.reason(), request.processInstanceId(), approver, now, expires);
      repository.insertGrant(grant);
      auditLog.append(approver, AuditAction.ACCESS_GRANTED, id, "grantee=" + request.requester() + " purpose="
          + request.purpose() + " party=" + request.requestingParty() + " expires=" + expires + " request="
          + request.processInstanceId() + (copyKept ? " copy kept by the legal unit" : ""));
    }
    return expires;
  }

  /** Task_RecordRejection: a refused request is audited like a granted one (ACC-07). */
  public void reject(Request request, Object recordingIds, String approver, Object opinion) {
    auditLog.append(approver, AuditAction.ACCESS_REJECTED, String.valueOf(recordingIds), "requester=" + request.requester()
        + " purpose=" + request.purpose() + " opinion=" + opinion + " request=" + request.processInstanceId());
  }

  private Caller requester(String userId) {
    if (userId == null) {
      throw new IllegalStateException("recording-access needs the requester (camunda:initiator)");
    }
    return new Caller(userId, identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
  }
}
