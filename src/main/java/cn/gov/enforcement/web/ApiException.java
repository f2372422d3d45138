package cn.gov.enforcement.web;

import org.springframework.http.HttpStatus;

/** A refusal the caller can act on; rendered as {@code {"error", "message"}} by {@link ApiExceptionHandler}. */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String code;

  public ApiException(HttpStatus status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  /** 400 MISSING_FIELD: a required field of the request is absent. */
  public static ApiException missingField(String field) {
    return missingField(field, null);
  }

  /**
   * 400 MISSING_FIELD, naming the field also as the page labels it ({@code label}, may be null), so that the
   * person who left it empty finds it: "缺少字段 deviceNumber（执法记录仪编号）".
   */
  public static ApiException missingField(String field, String label) {
    return new ApiException(HttpStatus.BAD_REQUEST, "MISSING_FIELD",
        "缺少字段 " + labelled(field, label) + " / missing field " + field);
  }

  /** 400 INVALID_FIELD: a field's value is not acceptable, said in both languages. */
  public static ApiException invalidField(String field, String chinese, String english) {
    return invalidField(field, null, chinese, english);
  }

  /** 400 INVALID_FIELD, naming the field also by its label on the page ({@code label}, may be null). */
  public static ApiException invalidField(String field, String label, String chinese, String english) {
    return new ApiException(HttpStatus.BAD_REQUEST, "INVALID_FIELD",
        "字段 " + labelled(field, label) + " 无效：" + chinese + " / invalid " + field + ": " + english);
  }

  // the same shape as the form validator's "字段 title（标题）": the technical name stays for whoever reads the API
  private static String labelled(String field, String label) {
    return label == null ? field : field + "（" + label + "）";
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }
}
