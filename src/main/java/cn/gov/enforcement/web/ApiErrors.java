package cn.gov.enforcement.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The error body every API of this application answers with: {@code {"error": code, "message": text}},
 * the message in Chinese and English so that staff and integrators both read it.
 */
public final class ApiErrors {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiErrors() {}

  public static Map<String, String> body(String code, String message) {
    return Map.of("error", code, "message", message);
  }

  /** Writes the error from a servlet filter, where no controller advice applies. */
  public static void write(HttpServletResponse response, int status, String code, String message) throws IOException {
    response.setStatus(status);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType("application/json;charset=UTF-8");
    JSON.writeValue(response.getOutputStream(), body(code, message));
  }
}
