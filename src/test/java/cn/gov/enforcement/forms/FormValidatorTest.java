package cn.gov.enforcement.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("表单校验器（不依赖 Spring） / the form validator without Spring")
class FormValidatorTest {

  private static FormSchema form(String components) {
    return FormSchemaParser.parse("{\"id\": \"Form_Unit\", \"schemaVersion\": 16, \"components\": [" + components + "]}");
  }

  private static Map<String, Object> values(Object... namesAndValues) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return values;
  }

  private static List<String> reasons(FormSchema schema, Map<String, Object> values) {
    return FormValidator.validate(schema, values).stream().map(v -> v.field() + ":" + v.reason()).toList();
  }

  @Test
  @DisplayName("必填：缺失、空串、纯空白、空列表均视为未填；0 与 false 是值 / required: missing, empty, blank and empty lists are missing")
  void required() {
    FormSchema schema = form("""
        {"type": "textfield", "key": "title", "label": "标题", "validate": {"required": true}},
        {"type": "number", "key": "count", "validate": {"required": true}},
        {"type": "checklist", "key": "items", "values": [{"label": "A", "value": "A"}], "validate": {"required": true}}""");
    assertThat(reasons(schema, values())).containsExactlyInAnyOrder("title:REQUIRED", "count:REQUIRED", "items:REQUIRED");
    assertThat(reasons(schema, values("title", "  ", "count", 0, "items", List.of())))
        .containsExactlyInAnyOrder("title:REQUIRED", "items:REQUIRED");
    assertThat(reasons(schema, values("title", "有效", "count", 0, "items", List.of("A")))).isEmpty();

    FormViolation violation = FormValidator.validate(schema, values("count", 1, "items", List.of("A"))).get(0);
    assertThat(violation.chinese()).isEqualTo("字段 title（标题）为必填项");
    assertThat(violation.english()).isEqualTo("field title is required");
  }

  @Test
  @DisplayName("选项：下拉/单选/多选/标签只接受列出的值 / options of select, radio, checklist and taglist")
  void options() {
    FormSchema schema = form("""
        {"type": "select", "key": "category", "values": [{"label": "规划", "value": "PLANNING"}, {"label": "预算", "value": "BUDGET"}]},
        {"type": "radio", "key": "level", "values": [{"label": "一", "value": "1"}, {"label": "二", "value": "2"}]},
        {"type": "taglist", "key": "tags", "values": [{"label": "甲", "value": "A"}, {"label": "乙", "value": "B"}]}""");
    assertThat(reasons(schema, values("category", "BOGUS", "level", 3, "tags", List.of("A", "Z"))))
        .containsExactlyInAnyOrder("category:NOT_ALLOWED", "level:NOT_ALLOWED", "tags:NOT_ALLOWED");
    assertThat(reasons(schema, values("category", "BUDGET", "level", 2, "tags", List.of("B")))).isEmpty();
    assertThat(reasons(schema, values("category", List.of("BUDGET"), "tags", "A")))
        .containsExactlyInAnyOrder("category:TYPE", "tags:TYPE");
  }

  @Test
  @DisplayName("动态选项：valuesKey 变量（两种格式）或纯变量 valuesExpression；无法得知时不校验 / dynamic options")
  void dynamicOptions() {
    FormSchema schema = form("""
        {"type": "select", "key": "expert", "valuesKey": "experts"},
        {"type": "checklist", "key": "officers", "valuesExpression": "=case.officers"},
        {"type": "select", "key": "free", "valuesExpression": "=filter(all, true)"}""");
    Map<String, Object> values = values(
        "experts", List.of(Map.of("label", "钱", "value", "expert1"), Map.of("label", "冯", "value", "expert2")),
        "case", Map.of("officers", List.of("officer1", "officer2")),
        "expert", "expert9", "officers", List.of("officer1", "aux1"), "free", "anything");
    assertThat(reasons(schema, values)).containsExactlyInAnyOrder("expert:NOT_ALLOWED", "officers:NOT_ALLOWED");
    assertThat(reasons(schema, values("expert", "expert9"))).as("no option variable: not checkable").isEmpty();
  }

  @Test
  @DisplayName("数字：类型、最小/最大值、小数位、步长、以字符串保存 / numbers")
  void numbers() {
    FormSchema schema = form("""
        {"type": "number", "key": "days", "decimalDigits": 0, "validate": {"min": 20, "max": "=maximum"}},
        {"type": "number", "key": "amount", "increment": "0.5"},
        {"type": "number", "key": "code", "serializeToString": true}""");
    assertThat(reasons(schema, values("days", 15, "maximum", 60))).containsExactly("days:MIN");
    assertThat(reasons(schema, values("days", 61L, "maximum", 60))).containsExactly("days:MAX");
    assertThat(reasons(schema, values("days", 20.5))).containsExactly("days:DECIMALS");
    assertThat(reasons(schema, values("days", 30.0, "amount", 1.25))).containsExactly("amount:INCREMENT");
    assertThat(reasons(schema, values("days", "30", "code", "12.5"))).containsExactly("days:TYPE");
    assertThat(reasons(schema, values("amount", Double.NaN))).containsExactly("amount:TYPE");
    assertThat(reasons(schema, values("days", 45, "amount", 2.5, "code", "007"))).isEmpty();
  }

  @Test
  @DisplayName("文本：长度、pattern（与浏览器一样部分匹配）、邮箱、电话、类型 / text")
  void text() {
    FormSchema schema = form("""
        {"type": "textfield", "key": "caseNumber", "validate": {"pattern": "^[A-Z]{2}-[0-9]{4}$"}},
        {"type": "textfield", "key": "code", "validate": {"pattern": "[0-9]+", "minLength": 3, "maxLength": 5}},
        {"type": "textfield", "key": "mail", "validate": {"validationType": "email"}},
        {"type": "textfield", "key": "phone", "validate": {"validationType": "phone"}},
        {"type": "textarea", "key": "free"}""");
    assertThat(reasons(schema, values("caseNumber", "GH-12345", "code", " 12 ", "mail", "a@b", "phone", "0571-1234")))
        .containsExactlyInAnyOrder("caseNumber:PATTERN", "code:MIN_LENGTH", "mail:EMAIL", "phone:PHONE");
    assertThat(reasons(schema, values("code", "ab12cd"))).containsExactly("code:MAX_LENGTH");
    assertThat(reasons(schema, values("caseNumber", 12))).containsExactly("caseNumber:TYPE");
    assertThat(reasons(schema, values("caseNumber", "GH-2025", "code", "x12", "mail", "office@bureau.example",
        "phone", "+8657112345678", "free", 42))).as("free text without validation accepts anything").isEmpty();
  }

  @Test
  @DisplayName("回溯失控的 pattern 限时判为不符，不拖住引擎 / a runaway pattern is cut off and counts as not matching")
  void runawayPattern() {
    FormSchema schema = form("""
        {"type": "textfield", "key": "code", "validate": {"pattern": "^(a+)+$"}}""");
    long started = System.nanoTime();
    assertThat(reasons(schema, values("code", "a".repeat(40) + "!"))).containsExactly("code:PATTERN");
    assertThat(System.nanoTime() - started).isLessThan(5 * FormValidator.PATTERN_BUDGET_NANOS);
    assertThat(reasons(schema, values("code", "aaaa"))).isEmpty();
  }

  @Test
  @DisplayName("日期时间：yyyy-MM-dd 严格校验，时间与日期时间 ISO 格式 / date, time and date-time formats")
  void dates() {
    FormSchema schema = form("""
        {"type": "datetime", "subtype": "date", "key": "day"},
        {"type": "datetime", "subtype": "time", "key": "at"},
        {"type": "datetime", "subtype": "datetime", "key": "moment"}""");
    assertThat(reasons(schema, values("day", "2024-02-29", "at", "09:30", "moment", "2025-10-09T09:30+08:00"))).isEmpty();
    assertThat(reasons(schema, values("day", "2023-02-29"))).containsExactly("day:FORMAT");
    assertThat(reasons(schema, values("day", "2025-9-1"))).containsExactly("day:FORMAT");
    assertThat(reasons(schema, values("day", new Date()))).containsExactly("day:FORMAT");
    assertThat(reasons(schema, values("at", "24:00", "moment", "2025-10-09 09:30")))
        .containsExactlyInAnyOrder("at:FORMAT", "moment:FORMAT");
    assertThat(reasons(schema, values("at", "09:30Z", "moment", "2025-10-09T09:30"))).isEmpty();
  }

  @Test
  @DisplayName("复选框：类型为布尔；必选时须勾选 / checkbox")
  void checkbox() {
    FormSchema schema = form("""
        {"type": "checkbox", "key": "agreed", "validate": {"required": true}},
        {"type": "checkbox", "key": "urgent"}""");
    assertThat(reasons(schema, values("agreed", false, "urgent", "true")))
        .containsExactlyInAnyOrder("agreed:REQUIRED", "urgent:TYPE");
    assertThat(reasons(schema, values("agreed", true, "urgent", false))).isEmpty();
  }

  @Test
  @DisplayName("隐藏条件：隐藏或无法判定时不要求必填，但已有的值仍要校验 / hidden fields are not required; present values are still checked")
  void conditions() {
    FormSchema schema = form("""
        {"type": "radio", "key": "decision", "values": [{"label": "同意", "value": "APPROVE"}, {"label": "不同意", "value": "REJECT"}]},
        {"type": "textarea", "key": "reason", "conditional": {"hide": "=decision != \\"REJECT\\""}, "validate": {"required": true}},
        {"type": "group", "conditional": {"hide": "=count(decision) > 0"}, "components": [
          {"type": "select", "key": "grade", "values": [{"label": "A", "value": "A"}], "validate": {"required": true}}]}""");
    assertThat(reasons(schema, values("decision", "REJECT"))).containsExactly("reason:REQUIRED");
    assertThat(reasons(schema, values("decision", "APPROVE"))).as("hidden, and the group's condition is undecidable").isEmpty();
    assertThat(reasons(schema, values("decision", "APPROVE", "grade", "Z"))).containsExactly("grade:NOT_ALLOWED");
  }

  @Test
  @DisplayName("分组路径与动态列表：按嵌套路径命名字段 / groups with a path and dynamic lists name nested fields")
  void nesting() {
    FormSchema schema = form("""
        {"type": "group", "path": "address", "components": [
          {"type": "textfield", "key": "street", "label": "街道", "validate": {"required": true}}]},
        {"type": "dynamiclist", "path": "parties", "label": "当事人", "components": [
          {"type": "textfield", "key": "name", "validate": {"required": true}},
          {"type": "select", "key": "role", "values": [{"label": "申请人", "value": "APPLICANT"}],
           "conditional": {"hide": "=name = \\"无\\""}}]},
        {"type": "textfield", "key": "owner.phone", "validate": {"maxLength": 3}}""");
    Map<String, Object> values = values(
        "address", Map.of(),
        "parties", List.of(Map.of("name", "甲", "role", "APPLICANT"), Map.of("role", "WITNESS")),
        "owner", Map.of("phone", "12345"));
    assertThat(reasons(schema, values)).containsExactlyInAnyOrder(
        "address.street:REQUIRED", "parties[1].name:REQUIRED", "parties[1].role:NOT_ALLOWED", "owner.phone:MAX_LENGTH");
    assertThat(reasons(schema, values("address", "丽水", "parties", "x")))
        .containsExactlyInAnyOrder("address:TYPE", "parties:TYPE");
  }

  @Test
  @DisplayName("LR-03 表单自定义属性 rule：字段的拒绝信息注明要求编号 / a field's properties.rule is named in its refusals")
  void ruleProperty() {
    FormSchema schema = form("""
        {"type": "checkbox", "key": "extensionRequested"},
        {"type": "select", "key": "findingFacts", "values": [{"label": "符合", "value": "CONFORMS"}],
         "validate": {"required": true}, "properties": {"rule": "LR-03"}, "conditional": {"hide": "=extensionRequested"}},
        {"type": "textarea", "key": "note", "validate": {"required": true}}""");
    List<FormViolation> violations = FormValidator.validate(schema, values("findingFacts", "BOGUS"));
    assertThat(violations).extracting(FormViolation::reason).containsExactlyInAnyOrder("NOT_ALLOWED", "REQUIRED");
    assertThat(violations).filteredOn(v -> v.field().equals("findingFacts")).singleElement()
        .satisfies(v -> assertThat(v.chinese()).endsWith("（LR-03）"))
        .satisfies(v -> assertThat(v.english()).endsWith(" (LR-03)"));
    assertThat(violations).filteredOn(v -> v.field().equals("note")).singleElement()
        .satisfies(v -> assertThat(v.english()).doesNotContain("LR-03"));
    assertThat(reasons(schema, values("note", "x"))).containsExactly("findingFacts:REQUIRED");
    assertThat(reasons(schema, values("note", "x", "extensionRequested", true))).isEmpty();
  }

  @Test
  @DisplayName("选项为 true/false 的单选只接受布尔值 / a radio of true/false takes a boolean")
  void booleanOptions() {
    FormSchema schema = form("""
        {"type": "radio", "key": "admitted", "values": [{"label": "是", "value": true}, {"label": "否", "value": false}]},
        {"type": "radio", "key": "level", "values": [{"label": "一", "value": "true"}]}""");
    assertThat(reasons(schema, values("admitted", "true", "level", "true"))).containsExactly("admitted:TYPE");
    assertThat(reasons(schema, values("admitted", false))).isEmpty();
  }

  @Test
  @DisplayName("禁用字段不校验（浏览器也不提交） / disabled fields are neither submitted nor checked")
  void disabled() {
    FormSchema schema = form("""
        {"type": "select", "key": "category", "disabled": true, "values": [{"label": "A", "value": "A"}], "validate": {"required": true}}""");
    assertThat(schema.constrained()).isFalse();
    assertThat(reasons(schema, values("category", "BOGUS"))).isEmpty();
  }

  @Test
  @DisplayName("跨字段规则在字段校验通过后执行（DEC-05） / cross-field rules run once the field checks pass (DEC-05)")
  void rules() {
    FormSchema schema = form("""
        {"type": "number", "key": "consultationDays", "validate": {"required": true}},
        {"type": "textarea", "key": "shortPeriodReason"}""");
    List<FormRule> rules = List.of(new ConsultationPeriodRule(20, 30));
    assertThat(FormValidator.validate(schema, new FormValues(values()), rules))
        .extracting(FormViolation::reason).containsExactly("REQUIRED");
    assertThat(FormValidator.validate(schema, new FormValues(values("consultationDays", 25)), rules))
        .extracting(FormViolation::reason).containsExactly("DEC-05");
    assertThat(FormValidator.validate(schema, new FormValues(values("consultationDays", 25, "shortPeriodReason", "紧急")), rules))
        .isEmpty();
  }

  @Test
  @DisplayName("拒绝信息同时给出中文与英文，并截断过长的值 / the refusal message is Chinese and English, long values are cut")
  void message() {
    FormSchema schema = form("""
        {"type": "select", "key": "category", "label": "类别", "values": [{"label": "A", "value": "A"}]}""");
    List<FormViolation> violations = FormValidator.validate(schema, values("category", "X".repeat(100)));
    FormValidationException refusal = new FormValidationException("Form_Unit", violations);
    assertThat(refusal.getMessage())
        .startsWith("字段 category（类别）的值 \"XXXX")
        .contains(" / field category has the value \"XXXX")
        .doesNotContain("X".repeat(60));
    assertThat(refusal.field()).isEqualTo("category");
    assertThat(FormRefusalUnwrapper.refusal(new RuntimeException(new IllegalStateException(refusal)))).isSameAs(refusal);
  }
}
