package cn.gov.enforcement.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every model in processes/, dmn/ and forms/ follows the conventions; the checker itself is proven on fixtures. */
class ModelConventionsTest {

  private static final Path FIXTURES = Path.of("src/test/resources/model-conventions");

  @Test
  @DisplayName("processes/、dmn/、forms/ 中的模型符合约定 / the shipped models follow the conventions")
  void shippedModelsFollowConventions() throws Exception {
    assertThat(ModelConventions.check(Path.of("processes"), Path.of("dmn"), Path.of("forms"))).isEmpty();
  }

  @Test
  @DisplayName("合规的样例模型没有问题 / a conforming fixture passes")
  void conformingFixturePasses() throws Exception {
    Path good = FIXTURES.resolve("good");
    assertThat(ModelConventions.check(good, good, good)).isEmpty();
  }

  @Test
  @DisplayName("违反约定的样例模型逐条报出 / every violation of a bad fixture is reported")
  void violationsAreReported() throws Exception {
    Path bad = FIXTURES.resolve("bad");
    List<String> violations = ModelConventions.check(bad, bad, bad);
    assertThat(violations).filteredOn(v -> v.startsWith("broken.form"))
        .singleElement().asString().startsWith("broken.form: -: does not parse as JSON");
    assertThat(violations).filteredOn(v -> !v.startsWith("broken.form")).containsExactlyInAnyOrder(
        "bad.bpmn: bad-process: executable process without camunda:historyTimeToLive",
        "bad.bpmn: Task_NoForm: user task without camunda:formRef",
        "bad.bpmn: Task_NoForm: candidate group clerks is not a group of the contract",
        "bad.bpmn: Task_MissingForm: camunda:formRef Form_Missing is not a form in forms/",
        "bad.bpmn: Task_MissingForm: a user task needs a Chinese name",
        "bad.bpmn: Task_ClassDelegate: camunda:class: reference the Spring bean with camunda:delegateExpression",
        "bad.bpmn: Task_Expression: camunda:expression: put the logic in a bean referenced by camunda:delegateExpression",
        "bad.bpmn: executionListener: camunda:class: reference the Spring bean with camunda:delegateExpression",
        "bad.bpmn: userTask_1: userTask id must read like Task_ReviewDraft, Gateway_…, Event_…, Flow_…",
        "bad.bpmn: userTask_1: user task without camunda:formRef",
        "bad.bpmn: Flow_NoEdge: sequenceFlow has no diagram edge",
        "bad.bpmn: Event_End: endEvent has no diagram shape",
        "bad.dmn: bad-decision: decision without camunda:historyTimeToLive",
        "english.form: opinion: an input field needs a Chinese label",
        "english.form: Form_English: schemaVersion must be 1..16 (Tasklist 7.24), was 17");
  }
}
