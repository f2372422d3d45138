package cn.gov.enforcement.activities;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The contract's 21 enforcement activities (contract.md, {@code recording-requirement} input
 * {@code activity}), in the contract's order, with the Chinese names staff read. The one list: the
 * decision tables' input contract ({@code rules.DecisionContract}), the upload's check of
 * {@code activity} and the labels of recordings all read it, so a new activity is added here once.
 */
public enum EnforcementActivity {
  COMPLAINT_HOTLINE("受理投诉举报电话"),
  DAILY_PATROL("日常巡查"),
  RANDOM_INSPECTION("随机抽查"),
  ONSITE_INSPECTION("现场检查(勘验)"),
  COMPLAINT_ONSITE("处理投诉举报现场执法"),
  GENERAL_VIOLATION_ONSITE("一般违法行为现场处理"),
  MINOR_CORRECTION("轻微违法劝阻纠正"),
  GUARD_DUTY("重点点位盯守/大型活动秩序"),
  INTERVIEW("询问当事人/证人"),
  OFFICE_INTERVIEW("约谈/稽查询问(机关内)"),
  EVIDENCE_COLLECTION("调查取证"),
  EVIDENCE_PRESERVATION("证据保全/先行登记保存"),
  SAMPLING("抽样取证"),
  HEARING("听证"),
  REVIEW_HEARING("行政复议听证"),
  COERCIVE_MEASURE("行政强制"),
  SERVICE_DIRECT("直接送达"),
  SERVICE_LODGED("留置送达"),
  SERVICE_MAIL("邮寄送达"),
  SERVICE_PUBLIC_NOTICE("公告送达"),
  DOCUMENT_WORK("文书制作等内部事务");

  /** The codes as the contract spells them, in its order. */
  public static final List<String> CODES = Arrays.stream(values()).map(Enum::name).toList();

  private static final Map<String, EnforcementActivity> BY_CODE =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Enum::name, Function.identity()));

  private final String chineseName;

  EnforcementActivity(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }

  /** True if {@code code} is one of the contract's activities (exact spelling). */
  public static boolean isKnown(String code) {
    return code != null && BY_CODE.containsKey(code);
  }

  /** The Chinese name of {@code code}; the code itself if it is none of the contract's; a placeholder for null. */
  public static String chineseNameOf(String code) {
    if (code == null) {
      return "未注明活动";
    }
    EnforcementActivity activity = BY_CODE.get(code);
    return activity == null ? code : activity.chineseName;
  }
}
