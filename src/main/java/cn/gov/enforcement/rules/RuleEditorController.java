package cn.gov.enforcement.rules;

import cn.gov.enforcement.web.ApiErrors;
import cn.gov.enforcement.web.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/rules}: the browser rule editor's API ({@code /rules-editor.html}, issue 16). The
 * caller is the signed-in user of the request (HTTP Basic or the webapps' session with CSRF
 * token); {@link RuleEditorService} checks the group, the engine's gate checks every deployment.
 */
@RestController
public class RuleEditorController {

  private final RuleEditorService rules;

  public RuleEditorController(RuleEditorService rules) {
    this.rules = rules;
  }

  @GetMapping("/api/rules")
  public List<Map<String, Object>> tables() {
    return rules.tables();
  }

  @GetMapping("/api/rules/{key}")
  public Map<String, Object> table(@PathVariable String key) {
    return rules.table(key);
  }

  @PostMapping("/api/rules/{key}/dry-run")
  public RuleEditorService.DryRun dryRun(@PathVariable String key, @RequestBody(required = false) Map<String, Object> body) {
    return rules.dryRun(key, text(body, "table"), text(body, "cases"));
  }

  @PostMapping("/api/rules/{key}/deploy")
  public Map<String, Object> deploy(@PathVariable String key, @RequestBody(required = false) Map<String, Object> body) {
    return rules.deploy(key, text(body, "table"), text(body, "cases"));
  }

  @PostMapping("/api/rules/{key}/evaluate")
  public Map<String, Object> evaluate(@PathVariable String key, @RequestBody(required = false) Map<String, Object> body) {
    Object inputs = body == null ? null : body.get("inputs");
    if (!(inputs instanceof Map<?, ?> map)) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "MISSING_FIELD", "缺少 inputs（输入名 → 值）/ missing inputs (name → value)");
    }
    Map<String, String> cells = new LinkedHashMap<>();
    map.forEach((name, value) -> cells.put(String.valueOf(name), value == null ? "" : String.valueOf(value)));
    return rules.evaluate(key, cells);
  }

  @GetMapping("/api/rules/{key}/versions")
  public List<Map<String, Object>> versions(@PathVariable String key) {
    return rules.versions(key);
  }

  @ExceptionHandler(RuleEditorService.Refused.class)
  ResponseEntity<Map<String, Object>> refused(RuleEditorService.Refused e) {
    Map<String, Object> body = new LinkedHashMap<>(ApiErrors.body("RULE_GATE_REFUSED", e.getMessage()));
    body.put("dryRun", e.dryRun());
    return ResponseEntity.badRequest().body(body);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest().body(ApiErrors.body("INVALID_BODY",
        "请求体不是有效的 JSON / the request body is not valid JSON"));
  }

  private static String text(Map<String, Object> body, String field) {
    Object value = body == null ? null : body.get(field);
    if (!(value instanceof String text) || text.isBlank()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "MISSING_FIELD", "缺少 " + field + "（文本）/ missing " + field + " (text)");
    }
    return text;
  }
}
