package cn.gov.enforcement.recording;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A recording's warnings are kept as {@code "REC-02 MEDIA_MISMATCH: 中文 / English"}: the rule and
 * code for the API, the audit and the tests, both languages for whoever reads the record. Staff
 * see only the Chinese sentence (issue 16: no codes or English in what staff read); this is the
 * one place that cuts it out, for the forms ({@link CaseEvidence#warningsText}) and the Tasklist
 * evidence panel ({@code warningTexts} of {@link RecordingViews}).
 */
public final class WarningTexts {

  private static final Pattern CODE = Pattern.compile("^[A-Z]{2,4}-\\d{2}(?: [A-Z_]+)?(?:[:：]\\s*|\\s+)");

  /** 音像记录要求 of {@code recording-requirement}, by output value. */
  static final Map<String, String> REQUIREMENTS = Map.of(
      "FULL_PROCESS_AV", "全过程音像记录", "AV", "音像记录", "AUDIO", "录音", "PHOTO_OR_AV", "照片或音像记录",
      "SURVEILLANCE", "监控录像", "WRITTEN_OR_AV", "文字或音像记录", "NONE", "无需音像记录", "EXEMPT", "免于音像记录");

  private WarningTexts() {}

  public static String forStaff(String warning) {
    if (warning == null) {
      return "";
    }
    String chinese = CODE.matcher(warning).replaceFirst("");
    int english = chinese.indexOf(" / ");
    return (english < 0 ? chinese : chinese.substring(0, english)).strip();
  }

  public static List<String> forStaff(List<String> warnings) {
    return warnings.stream().map(WarningTexts::forStaff).toList();
  }

  static String requirement(String code) {
    return REQUIREMENTS.getOrDefault(code, code);
  }

  /** 音频/视频/图片 for a media type's top-level type. */
  static String kind(String type) {
    return switch (type) {
      case "audio" -> "音频";
      case "video" -> "视频";
      case "image" -> "图片";
      default -> "其他类型";
    };
  }
}
