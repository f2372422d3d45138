package cn.gov.enforcement.casefile;

import cn.gov.enforcement.audit.AuditEntry;
import cn.gov.enforcement.recording.EvidenceReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The case file laid out for reading, in Chinese: headings, label–value lines and paragraphs. The
 * HTML view and the PDF of the archive package render the same blocks, so they say the same.
 */
final class CaseFileDocument {

  sealed interface Block permits Heading, Line, Text {}

  record Heading(int level, String text) implements Block {}

  record Line(String label, String value) implements Block {}

  record Text(String text) implements Block {}

  private static final Map<String, String> DEADLINE_STATUS = Map.of("MET", "按期完成", "LATE", "逾期完成", "OPEN", "尚未完成");

  private CaseFileDocument() {}

  static List<Block> of(CaseFile file) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Heading(1, "行政执法案卷　" + file.caseNumber()));
    blocks.add(new Line("案号", file.caseNumber()));
    blocks.add(new Line("案由", orDash(file.cause())));
    blocks.add(new Line("当事人", orDash(file.partyName())));
    blocks.add(new Line("登记", time(file.startedAt()) + "　" + file.startedBy()));
    blocks.add(new Line("办结", file.endedAt() == null ? "尚未办结" : time(file.endedAt())));
    blocks.add(new Line("流程实例", file.processInstanceId()));

    blocks.add(new Heading(2, "一、办案步骤记录（" + file.steps().size() + " 项）"));
    int n = 1;
    for (CaseFile.Step step : file.steps()) {
      blocks.add(new Heading(3, n++ + ". " + step.name() + (step.process().isBlank() ? "" : "　〔" + step.process() + "〕")));
      blocks.add(new Line("办理人", orDash(step.who())));
      blocks.add(new Line("开始", time(step.startedAt())));
      blocks.add(new Line("完成", step.endedAt() == null ? "—" : time(step.endedAt())));
      blocks.add(new Line("状态", step.outcome()));
      for (CaseFile.Entry entry : step.entries()) {
        blocks.add(new Line(entry.label(), entry.value()));
      }
    }

    blocks.add(new Heading(2, "二、音像资料（" + file.recordings().size() + " 件）"));
    if (file.recordings().isEmpty()) {
      blocks.add(new Text("本案无音像资料。"));
    }
    n = 1;
    for (EvidenceReader.Item r : file.recordings()) {
      blocks.add(new Heading(3, n++ + ". 音像资料 " + r.id()));
      blocks.add(new Line("执法活动", r.activity()));
      blocks.add(new Line("录制时间", time(r.startedAt()) + " 至 " + time(r.endedAt())));
      blocks.add(new Line("执法人员", String.join("、", r.officers())));
      blocks.add(new Line("设备编号", r.deviceNumber()));
      blocks.add(new Line("类型与大小", r.mediaType() + "，" + r.sizeBytes() + " 字节"
          + (r.durationSeconds() == null ? "" : "，时长 " + Math.round(r.durationSeconds()) + " 秒")));
      blocks.add(new Line("上传", time(r.uploadedAt()) + "　" + r.uploadedBy() + (r.late() ? "（逾期上传）" : "（按时上传）")));
      blocks.add(new Line("SHA-256", r.sha256()));
      blocks.add(new Line("SM3", r.sm3()));
      if (r.confidential()) {
        blocks.add(new Line("密级", "涉密/限制查阅（ACC-06）"));
      }
      if (r.disposed()) {
        blocks.add(new Line("处置", "原件已按保存期限处置，摘要保留"));
      }
      for (String warning : r.warnings()) {
        blocks.add(new Line("提示", warning));
      }
    }

    blocks.add(new Heading(2, "三、期限及执行情况（" + file.deadlines().size() + " 项）"));
    if (file.deadlines().isEmpty()) {
      blocks.add(new Text("无设期限的步骤。"));
    }
    for (CaseFile.Deadline d : file.deadlines()) {
      blocks.add(new Line(d.step() + (d.rule() == null ? "" : "（" + d.rule() + "）"), "期限 " + time(d.due()) + "；"
          + (d.done() == null ? "" : "完成 " + time(d.done()) + "；") + DEADLINE_STATUS.getOrDefault(d.status(), d.status())));
    }

    blocks.add(new Heading(2, "四、审计记录（" + file.auditEntries().size() + " 条）"));
    for (AuditEntry e : file.auditEntries()) {
      blocks.add(new Line("#" + e.seq() + " " + time(e.occurredAt()), e.actor() + "　" + e.action() + "　"
          + orDash(e.target()) + (e.detail() == null ? "" : "　" + e.detail())));
    }
    return blocks;
  }

  static String time(Instant instant) {
    return instant == null ? "—" : CaseFileReader.TIME.format(instant);
  }

  private static String orDash(String value) {
    return value == null || value.isBlank() ? "—" : value;
  }
}
