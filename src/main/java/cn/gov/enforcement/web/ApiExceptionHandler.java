package cn.gov.enforcement.web;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns refusals of the application's own {@code /api} controllers into the common error body. */
@RestControllerAdvice
public class ApiExceptionHandler {

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Map<String, String>> refused(ApiException e) {
    return ResponseEntity.status(e.status()).body(ApiErrors.body(e.code(), e.getMessage()));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Map<String, String>> missing(MissingServletRequestParameterException e) {
    return ResponseEntity.badRequest().body(ApiErrors.body("MISSING_FIELD",
        "缺少参数 " + e.getParameterName() + " / missing parameter " + e.getParameterName()));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, String>> mismatch(MethodArgumentTypeMismatchException e) {
    return ResponseEntity.badRequest().body(ApiErrors.body("INVALID_FIELD",
        "参数 " + e.getName() + " 的值无效 / invalid value for " + e.getName()));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, String>> method(HttpRequestMethodNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).body(ApiErrors.body("METHOD_NOT_ALLOWED",
        "不允许的操作 " + e.getMethod() + " / method " + e.getMethod() + " is not allowed"));
  }
}
