package cn.gov.enforcement.delivery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * SVC-05 (HY 第八条(四), CZ 第二十七条, CPL 95): public notice only after every other applicable
 * method has failed. The other methods fall into three classes, each of which must be accounted for
 * in the service instance, either by a failed attempt of this instance (the attempts the
 * {@link ServiceMethodGuard} keeps in {@code attemptedMethods}; every earlier attempt failed, or
 * the service would have ended) or by the reason from a fixed list why it cannot apply:
 * <ul>
 *   <li>直接/留置 (DIRECT or LODGED; lodged service follows a refused direct service): inapplicable
 *       only when the recipient's whereabouts are unknown (下落不明, CPL 95);</li>
 *   <li>邮寄 (MAIL): inapplicable when there is no known postal address, or whereabouts unknown;</li>
 *   <li>委托/转交 (ENTRUSTED, CPL 88–90): inapplicable when there is no ground for it — the recipient
 *       is neither at a known place elsewhere (another agency could serve there) nor a soldier, in
 *       custody or serving a sentence (转交) — or whereabouts unknown.</li>
 * </ul>
 * A free-text note alone never suffices (the earlier rule), but every declared inapplicability
 * needs the explanation {@code inapplicableExplanation}, which stays in the record.
 */
final class PublicNoticePrerequisites {

  /** A class of the other methods, its form field for the reason it cannot apply, and the accepted reasons. */
  enum MethodClass {
    PERSONAL("直接送达/留置送达", "personalInapplicable", List.of(ServiceMethod.DIRECT, ServiceMethod.LODGED),
        Map.of("WHEREABOUTS_UNKNOWN", "受送达人下落不明")),
    MAIL("邮寄送达", "mailInapplicable", List.of(ServiceMethod.MAIL),
        Map.of("NO_KNOWN_ADDRESS", "无已知邮寄地址", "WHEREABOUTS_UNKNOWN", "受送达人下落不明")),
    ENTRUSTED("委托/转交送达", "entrustedInapplicable", List.of(ServiceMethod.ENTRUSTED),
        Map.of("NO_GROUND", "无委托或转交送达的条件（不在外地、非军人、未被羁押或服刑）", "WHEREABOUTS_UNKNOWN", "受送达人下落不明"));

    final String chineseName;
    final String field;
    final List<ServiceMethod> methods;
    final Map<String, String> reasons;

    MethodClass(String chineseName, String field, List<ServiceMethod> methods, Map<String, String> reasons) {
      this.chineseName = chineseName;
      this.field = field;
      this.methods = methods;
      this.reasons = reasons;
    }
  }

  static final String EXPLANATION = "inapplicableExplanation";

  /** One unmet prerequisite: the field to fill and the message. */
  record Missing(String field, String chinese, String english) {}

  private PublicNoticePrerequisites() {}

  /**
   * What is still missing before public notice, given the failed attempts so far and the values
   * (form or process variables) read by {@code value}.
   */
  static List<Missing> missing(Collection<String> failedAttempts, Function<String, Object> value) {
    List<Missing> missing = new ArrayList<>();
    boolean anyInapplicable = false;
    for (MethodClass methodClass : MethodClass.values()) {
      if (methodClass.methods.stream().anyMatch(m -> failedAttempts.contains(m.name()))) {
        continue;
      }
      Object reason = value.apply(methodClass.field);
      if (reason != null && methodClass.reasons.containsKey(reason.toString())) {
        anyInapplicable = true;
        continue;
      }
      missing.add(new Missing(methodClass.field,
          "公告送达须在其他方式均未能送达后采用（SVC-05）：" + methodClass.chineseName + " 尚未尝试且未说明不适用的原因（字段 " + methodClass.field + "）",
          "public notice needs every other applicable method to have failed (SVC-05): " + methodClass.name()
              + " was neither attempted nor shown inapplicable (field " + methodClass.field + ")"));
    }
    Object explanation = value.apply(EXPLANATION);
    if (anyInapplicable && (explanation == null || explanation.toString().isBlank())) {
      missing.add(new Missing(EXPLANATION, "说明不适用的送达方式须写明具体情况（字段 " + EXPLANATION + "）",
          "a method declared inapplicable needs the explanation (field " + EXPLANATION + ")"));
    }
    return missing;
  }

  /** The record of how each class was accounted for, kept in the instance and shown on the notice form. */
  static String record(Collection<String> failedAttempts, Function<String, Object> value) {
    List<String> parts = new ArrayList<>();
    for (MethodClass methodClass : MethodClass.values()) {
      List<String> failed = methodClass.methods.stream().map(Enum::name).filter(failedAttempts::contains).toList();
      Object reason = value.apply(methodClass.field);
      parts.add(methodClass.chineseName + "：" + (!failed.isEmpty() ? "已尝试未能送达（" + String.join("、", failed) + "）"
          : "不适用（" + methodClass.reasons.getOrDefault(String.valueOf(reason), String.valueOf(reason)) + "）"));
    }
    Object explanation = value.apply(EXPLANATION);
    return String.join("；", parts) + (explanation == null || explanation.toString().isBlank() ? "" : "。说明：" + explanation);
  }
}
