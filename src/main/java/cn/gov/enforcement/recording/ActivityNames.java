package cn.gov.enforcement.recording;

import java.util.Map;

/** The Chinese names of the contract's activities (contract.md, {@code recording-requirement}), for labels staff read. */
public final class ActivityNames {

  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("COMPLAINT_HOTLINE", "受理投诉举报电话"), Map.entry("DAILY_PATROL", "日常巡查"),
      Map.entry("RANDOM_INSPECTION", "随机抽查"), Map.entry("ONSITE_INSPECTION", "现场检查(勘验)"),
      Map.entry("COMPLAINT_ONSITE", "处理投诉举报现场执法"), Map.entry("GENERAL_VIOLATION_ONSITE", "一般违法行为现场处理"),
      Map.entry("MINOR_CORRECTION", "轻微违法劝阻纠正"), Map.entry("GUARD_DUTY", "重点点位盯守/大型活动秩序"),
      Map.entry("INTERVIEW", "询问当事人/证人"), Map.entry("OFFICE_INTERVIEW", "约谈/稽查询问(机关内)"),
      Map.entry("EVIDENCE_COLLECTION", "调查取证"), Map.entry("EVIDENCE_PRESERVATION", "证据保全/先行登记保存"),
      Map.entry("SAMPLING", "抽样取证"), Map.entry("HEARING", "听证"), Map.entry("REVIEW_HEARING", "行政复议听证"),
      Map.entry("COERCIVE_MEASURE", "行政强制"), Map.entry("SERVICE_DIRECT", "直接送达"), Map.entry("SERVICE_LODGED", "留置送达"),
      Map.entry("SERVICE_MAIL", "邮寄送达"), Map.entry("SERVICE_PUBLIC_NOTICE", "公告送达"),
      Map.entry("DOCUMENT_WORK", "文书制作等内部事务"));

  private ActivityNames() {}

  public static String of(String activity) {
    return activity == null ? "未注明活动" : NAMES.getOrDefault(activity, activity);
  }
}
