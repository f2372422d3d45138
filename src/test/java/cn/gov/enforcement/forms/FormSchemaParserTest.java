package cn.gov.enforcement.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.forms.FormSchema.DynamicList;
import cn.gov.enforcement.forms.FormSchema.Field;
import cn.gov.enforcement.forms.FormSchema.Group;
import cn.gov.enforcement.forms.FormSchema.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("form-js 表单解析 / parsing form-js forms")
class FormSchemaParserTest {

  static FormSchema resource(String name) throws IOException {
    try (InputStream in = FormSchemaParserTest.class.getResourceAsStream("/forms-test/" + name)) {
      return FormSchemaParser.parse(in.readAllBytes());
    }
  }

  static Field field(FormSchema schema, String key) {
    return schema.components().stream()
        .filter(n -> n instanceof Field f && f.key().equals(key))
        .map(Field.class::cast)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no field " + key));
  }

  @Test
  @DisplayName("读取字段、类型、约束、选项和标签 / reads keys, kinds, constraints, options and labels")
  void readsTaskForm() throws IOException {
    FormSchema schema = resource("validation-test-task.form");
    assertThat(schema.id()).isEqualTo("Form_ValidationTestTask");
    assertThat(schema.constrained()).isTrue();

    Field decision = field(schema, "decision");
    assertThat(decision.kind()).isEqualTo(Kind.SINGLE_CHOICE);
    assertThat(decision.required()).isTrue();
    assertThat(decision.options()).containsExactly("APPROVE", "REJECT");
    assertThat(decision.label()).isEqualTo("意见");

    Field reason = field(schema, "reason");
    assertThat(reason.hide()).isEqualTo("=decision != \"REJECT\"");
    assertThat(reason.maxLength()).isEqualTo(500);

    Field amount = field(schema, "amount");
    assertThat(amount.kind()).isEqualTo(Kind.NUMBER);
    assertThat(amount.min().value()).isEqualByComparingTo(BigDecimal.ONE);
    assertThat(amount.max().value()).isEqualByComparingTo(new BigDecimal(100));
    assertThat(amount.decimalDigits()).isEqualTo(2);

    Field hearingDate = field(schema, "hearingDate");
    assertThat(hearingDate.kind()).isEqualTo(Kind.DATE);
    assertThat(hearingDate.label()).as("datetime keeps its label in dateLabel").isEqualTo("听证日期");

    assertThat(field(schema, "materials").kind()).isEqualTo(Kind.MULTI_CHOICE);
    assertThat(field(schema, "assistants").valuesKey()).isEqualTo("assistantOptions");
    assertThat(field(schema, "assistants").options()).isNull();
    assertThat(field(schema, "contactEmail").validationType()).isEqualTo("email");
    assertThat(field(schema, "confirmed").kind()).isEqualTo(Kind.BOOLEAN);
  }

  @Test
  @DisplayName("没有约束的表单标记为无需校验（零成本） / a form without constraints is marked as such and costs nothing")
  void unconstrained() throws IOException {
    FormSchema note = resource("validation-test-note.form");
    assertThat(note.constrained()).isFalse();
    assertThat(note.components()).hasSize(1); // the text component carries no value

    FormSchema display = FormSchemaParser.parse("""
        {"id": "Form_Display", "components": [
          {"type": "text", "text": "只读说明"}, {"type": "button", "key": "submit", "action": "submit"},
          {"type": "expression", "key": "total", "expression": "=a + b"}, {"type": "spacer"}]}""");
    assertThat(display.components()).isEmpty();
    assertThat(display.constrained()).isFalse();
  }

  @Test
  @DisplayName("分组与动态列表保留嵌套结构 / groups and dynamic lists keep their nesting")
  void nesting() {
    FormSchema schema = FormSchemaParser.parse("""
        {"id": "Form_Nested", "components": [
          {"type": "group", "label": "地址", "path": "address", "components": [
            {"type": "textfield", "key": "street", "validate": {"required": true}}]},
          {"type": "group", "components": [{"type": "textfield", "key": "plain"}]},
          {"type": "dynamiclist", "path": "parties", "label": "当事人", "isRepeating": true, "components": [
            {"type": "textfield", "key": "name", "validate": {"required": true}}]}]}""");
    assertThat(schema.components()).hasSize(3);
    assertThat(schema.components().get(0)).isInstanceOfSatisfying(Group.class, g -> assertThat(g.path()).containsExactly("address"));
    assertThat(schema.components().get(1)).isInstanceOfSatisfying(Group.class, g -> assertThat(g.path()).isEmpty());
    assertThat(schema.components().get(2)).isInstanceOfSatisfying(DynamicList.class,
        l -> assertThat(l.children()).hasSize(1));
    assertThat(schema.constrained()).isTrue();
  }

  @Test
  @DisplayName("不可用的约束被舍弃而非使表单失效；非 JSON 报错 / unusable constraints are dropped; non-JSON is an error")
  void robustness() {
    FormSchema schema = FormSchemaParser.parse("""
        {"id": "Form_Odd", "components": [
          {"type": "textfield", "key": "code", "validate": {"pattern": "(unclosed", "min": "=limit", "maxLength": "=n"}},
          {"type": "number", "key": "n", "validate": {"min": "=minimum", "max": "12"}, "increment": "0.5"}]}""");
    Field code = field(schema, "code");
    assertThat(code.pattern()).isNull();
    assertThat(code.maxLength()).isNull();
    Field n = field(schema, "n");
    assertThat(n.min().expression()).isEqualTo("=minimum");
    assertThat(n.max().value()).isEqualByComparingTo("12");
    assertThat(n.increment()).isEqualByComparingTo("0.5");

    assertThatThrownBy(() -> FormSchemaParser.parse("not json")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FormSchemaParser.parse("[]")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("表单可设置的变量：字段 key、分组与动态列表的 path，其余均不是字段 / the variables a form may set: keys, group and list paths")
  void variableNames() throws IOException {
    FormSchema schema = FormSchemaParser.parse("""
        {"id": "Form_Names", "components": [
          {"type": "text", "key": "intro", "text": "说明"}, {"type": "button", "key": "submit", "action": "submit"},
          {"type": "textfield", "key": "title"},
          {"type": "textfield", "key": "applicant.name"},
          {"type": "expression", "key": "total", "expression": "=1 + 1"},
          {"type": "textfield", "key": "locked", "disabled": true},
          {"type": "group", "path": "address.home", "components": [{"type": "textfield", "key": "street"}]},
          {"type": "group", "components": [{"type": "checkbox", "key": "agreed"},
            {"type": "group", "components": [{"type": "number", "key": "count"}]}]},
          {"type": "dynamiclist", "path": "parties", "components": [{"type": "textfield", "key": "partyName"}]},
          {"type": "group", "path": "empty", "components": []}]}""");
    assertThat(schema.variables())
        .containsExactlyInAnyOrder("title", "applicant", "total", "locked", "address", "agreed", "count", "parties", "empty");
    assertThat(schema.isField("street")).as("inside the address object").isFalse();
    assertThat(schema.isField("partyName")).as("inside the list items").isFalse();
    assertThat(schema.isField("intro")).isFalse();
    assertThat(resource("validation-test-note.form").variables()).containsExactly("note");
    assertThat(resource("validation-test-start.form").variables()).containsExactlyInAnyOrder("title", "category", "caseNumber");
  }
}
