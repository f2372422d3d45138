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
    return new ApiException(HttpStatus.BAD_REQUEST, "MISSING_FIELD", "缺少字段 " + field + " / missing field " + field);
  }

  /** 400 INVALID_FIELD: a field's value is not acceptable, said in both languages. */
  public static ApiException invalidField(String field, String chinese, String english) {
    return new ApiException(HttpStatus.BAD_REQUEST, "INVALID_FIELD",
        "字段 " + field + " 无效：" + chinese + " / invalid " + field + ": " + english);
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }
}
