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

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }
}
