package cn.gov.enforcement.recording;

import cn.gov.enforcement.web.ApiException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The refusals of the evidence API, each with its Chinese and English text (contract "Errors"). */
final class Refusals {

  /** The fields as the evidence panel in Tasklist and the recordings page label them. */
  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("caseNumber", "案号"),
      Map.entry("activity", "执法活动"),
      Map.entry("deviceNumber", "执法记录仪编号"),
      Map.entry("officers", "执法人员"),
      Map.entry("partyName", "当事人"),
      Map.entry("startedAt", "录制开始"),
      Map.entry("endedAt", "录制结束"),
      Map.entry("interruptionReason", "中断原因"),
      Map.entry("evidenceDescription", "证据说明"),
      Map.entry("confidential", "涉密"),
      Map.entry("confidentialityReason", "涉密理由"),
      Map.entry("segments", "录制分段"),
      Map.entry("file", "文件"),
      Map.entry("facts", "保存事实"),
      Map.entry("unit", "执法单位"),
      Map.entry("cause", "案由"),
      Map.entry("body", "请求内容"));

  private Refusals() {}

  static ApiException missing(String field) {
    return ApiException.missingField(field, LABELS.get(field));
  }

  static ApiException invalid(String field, String chinese, String english) {
    return ApiException.invalidField(field, LABELS.get(field), chinese, english);
  }

  static ApiException inconsistent(String chinese, String english) {
    return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "INCONSISTENT_METADATA", chinese + " / " + english);
  }

  static ApiException tooLarge(long limit) {
    return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "TOO_LARGE",
        "文件超过上限 " + limit + " 字节 / the upload exceeds the limit of " + limit + " bytes");
  }

  static ApiException unsupportedMedia(String detected) {
    return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
        "文件内容不是音频、视频或图像（检测为 " + detected + "） / the content is not audio, video or image (detected "
            + detected + ")");
  }

  /** Issue 11 item 7: a file that is a recording and something else (script, page, PDF) at once. */
  static ApiException polyglot(String why) {
    return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "POLYGLOT_FILE",
        "文件不只是音频、视频或图像：" + why + " / the file is not only audio, video or image: " + why);
  }

  static ApiException emptyFile() {
    return new ApiException(HttpStatus.BAD_REQUEST, "EMPTY_FILE", "上传的文件为空 / the uploaded file is empty");
  }

  static ApiException truncated(String why) {
    return new ApiException(HttpStatus.BAD_REQUEST, "TRUNCATED_FILE",
        "文件不完整（可能被截断）：" + why + " / the file is incomplete (truncated): " + why);
  }

  static ApiException notFound(String id) {
    return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "音像记录 " + id + " 不存在 / recording " + id + " not found");
  }

  static ApiException forbidden(String chinese, String english) {
    return new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", chinese + " / " + english);
  }
}
