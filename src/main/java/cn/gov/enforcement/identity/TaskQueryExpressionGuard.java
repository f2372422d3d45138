package cn.gov.enforcement.identity;

import cn.gov.enforcement.web.ApiErrors;
import cn.gov.enforcement.web.BufferedBodyRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses task queries that carry an expression (CVE-2026-109432: remote code execution through
 * JUEL in task queries of 7.24.0 CE, reachable through {@code orQueries}). Applies to the REST API
 * and to the webapps' internal API, to ad-hoc task queries, filter queries and filter definitions.
 *
 * <p>A query carries an expression when a parameter or JSON field is named {@code …Expression},
 * or a value contains {@code ${} or {@code #{}; the JSON body is parsed, so nesting in
 * {@code orQueries} and unicode escapes do not hide one. The bureau's own Tasklist filters are
 * stored by the application at start-up, not through these endpoints.
 *
 * <p>This filter is a first line only, matching the normalised path ({@link RequestPaths}); the
 * guard that counts is inside the engine ({@code platform.EngineGuardInterceptor}), which sees
 * every query whatever the URL and the Java API's queries too.
 */
public class TaskQueryExpressionGuard extends OncePerRequestFilter {

  /** Task query endpoints, after the API prefix and an optional {@code /engine/{name}}. */
  static final Pattern TASK_QUERY_PATH = Pattern.compile(
      "^(/engine/[^/]+)?(/history)?/task(/count)?/?$|^(/engine/[^/]+)?/filter(/create|/[^/]+(/list|/count|/singleresult)?)/?$"); // matched against the lower-cased path

  private static final int MAX_BODY = 1 << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String[] prefixes;

  /** @param prefixes the API roots, e.g. {@code /engine-rest} and {@code /camunda/api/engine} */
  public TaskQueryExpressionGuard(String... prefixes) {
    this.prefixes = java.util.Arrays.stream(prefixes).map(RequestPaths::normalise).toArray(String[]::new);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!isTaskQuery(request)) {
      chain.doFilter(request, response);
      return;
    }
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      for (String value : parameter.getValue()) {
        if (isExpression(parameter.getKey(), value)) {
          refuse(response, parameter.getKey());
          return;
        }
      }
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      ApiErrors.write(response, 413, "QUERY_TOO_LARGE", "查询条件过大 / query body too large");
      return;
    }
    if (body.length > 0) {
      String field;
      try {
        field = expressionField(JSON.readTree(body), "");
      } catch (JsonProcessingException e) {
        field = null; // not JSON: the engine answers with its own 400
      }
      if (field != null) {
        refuse(response, field);
        return;
      }
    }
    chain.doFilter(new BufferedBodyRequest(request, body), response);
  }

  private boolean isTaskQuery(HttpServletRequest request) {
    String path = RequestPaths.normalised(request);
    for (String prefix : prefixes) {
      if (path.startsWith(prefix + "/") && TASK_QUERY_PATH.matcher(path.substring(prefix.length())).matches()) {
        return true;
      }
    }
    return false;
  }

  /** The path of the first field that carries an expression, or null. */
  static String expressionField(JsonNode node, String path) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        if (field.getValue().isValueNode() && isExpression(field.getKey(), field.getValue().asText())) {
          return fieldPath;
        }
        String nested = expressionField(field.getValue(), fieldPath);
        if (nested != null) {
          return nested;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode element = node.get(i);
        String elementPath = path + "[" + i + "]";
        if (element.isValueNode() && isExpression("", element.asText())) {
          return elementPath;
        }
        String nested = expressionField(element, elementPath);
        if (nested != null) {
          return nested;
        }
      }
    }
    return null;
  }

  static boolean isExpression(String name, String value) {
    return name.endsWith("Expression") || (value != null && (value.contains("${") || value.contains("#{")));
  }

  private static void refuse(HttpServletResponse response, String field) throws IOException {
    ApiErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "EXPRESSION_REFUSED",
        "任务查询中不允许使用表达式（字段 " + field + "） / expressions are not allowed in task queries (field " + field + ")");
  }
}
