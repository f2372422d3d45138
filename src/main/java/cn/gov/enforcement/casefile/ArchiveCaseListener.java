package cn.gov.enforcement.casefile;

import cn.gov.enforcement.platform.EngineClock;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${caseArchivePackage}} on the completion of {@code Task_ArchiveCase} (REC-13): produces and
 * stores the archive package in the same transaction, so the case is archived with its package or
 * not at all. The archive step itself is not in the history yet; it goes into the record from the
 * task as completed now, by the authenticated user (the server's, never the client's, word on who).
 */
@Component("caseArchivePackage")
public class ArchiveCaseListener implements TaskListener {

  /** What the archive form (case-archive.form) records. */
  static final List<String> ARCHIVE_FIELDS = List.of("archiveNumber", "archivedRecordingIds", "archiveNote");

  private final ArchivePackager packager;
  private final CaseFileReader reader;
  private final IdentityService identityService;

  public ArchiveCaseListener(ArchivePackager packager, CaseFileReader reader, IdentityService identityService) {
    this.packager = packager;
    this.reader = reader;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    Object caseNumber = task.getVariable(CaseVariables.CASE_NUMBER);
    if (caseNumber == null || String.valueOf(caseNumber).isBlank()) {
      throw new IllegalStateException("案件没有案号，不能归档 / the case has no case number to archive under");
    }
    var authentication = identityService.getCurrentAuthentication();
    String actor = authentication != null && authentication.getUserId() != null ? authentication.getUserId()
        : task.getAssignee() != null ? task.getAssignee() : "system";
    Instant now = EngineClock.now().toInstant().truncatedTo(ChronoUnit.MILLIS);
    List<CaseFile.Entry> entries = new ArrayList<>();
    for (String field : ARCHIVE_FIELDS) {
      Object value = task.getVariable(field);
      if (value != null) {
        entries.add(new CaseFile.Entry(field, label(field), String.valueOf(value)));
      }
    }
    CaseFile.Step pending = new CaseFile.Step("", task.getName(), task.getTaskDefinitionKey(), reader.person(actor),
        task.getCreateTime() == null ? null : task.getCreateTime().toInstant(), now, "已完成", entries);
    try {
      packager.archive(String.valueOf(caseNumber), pending, actor, now);
    } catch (IOException e) {
      throw new IllegalStateException("归档包未能生成 / the archive package could not be written: " + e.getMessage(), e);
    }
  }

  private static String label(String field) {
    return switch (field) {
      case "archiveNumber" -> "档案号";
      case "archivedRecordingIds" -> "随卷归档的音像资料";
      default -> "归档说明";
    };
  }
}
