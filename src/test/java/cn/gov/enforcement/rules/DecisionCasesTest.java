package cn.gov.enforcement.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The case-file runner: every row of every {@code dmn/cases/{key}.csv} is evaluated against
 * {@code dmn/{key}.dmn} on a standalone DMN engine, one test per row, named and failing by file and
 * line ({@code dmn/cases/retention-class.csv:14}). A rule that answers no row fails the table's
 * "coverage" test. The same {@link CaseRunner} runs in the deploy gate.
 */
@DisplayName("DMN 用例文件 / DMN case files")
class DecisionCasesTest {

  static final CaseRunner RUNNER = CaseRunner.standalone();

  @TestFactory
  @DisplayName("REC-02 REC-03 recording-requirement: every row of dmn/cases/recording-requirement.csv")
  Stream<DynamicNode> recordingRequirement() {
    return rows("recording-requirement");
  }

  @TestFactory
  @DisplayName("RET-01 RET-02 RET-03 RET-04 RET-05 retention-class: every row of dmn/cases/retention-class.csv")
  Stream<DynamicNode> retentionClass() {
    return rows("retention-class");
  }

  @TestFactory
  @DisplayName("DEC-07 hearing-requirement: every row of dmn/cases/hearing-requirement.csv")
  Stream<DynamicNode> hearingRequirement() {
    return rows("hearing-requirement");
  }

  @TestFactory
  @DisplayName("LR-02 legal-review-requirement: every row of dmn/cases/legal-review-requirement.csv")
  Stream<DynamicNode> legalReviewRequirement() {
    return rows("legal-review-requirement");
  }

  @Test
  @DisplayName("REC-02 RET-05 DEC-07 LR-02 every contract decision has its table dmn/{key}.dmn and its case file dmn/cases/{key}.csv")
  void everyContractTableHasCases() {
    for (DecisionContract.Table table : DecisionContract.tables()) {
      assertThat(resource("dmn/" + table.key() + ".dmn")).as("dmn/%s.dmn", table.key()).isNotNull();
      assertThat(resource("dmn/cases/" + table.key() + ".csv")).as("dmn/cases/%s.csv", table.key()).isNotNull();
    }
  }

  /** One dynamic test per row, plus one for the file as a whole (header, coverage of every rule, the contract). */
  static Stream<DynamicNode> rows(String key) {
    String file = "dmn/cases/" + key + ".csv";
    DmnDecision decision = decision(key);
    CaseFile cases = CaseFile.parse(key, file, bytes(file));
    CaseRunner.Report report = RUNNER.run(decision, cases);
    List<DynamicNode> tests = new ArrayList<>();
    tests.add(DynamicTest.dynamicTest(file + " — 表头、规则覆盖 / header and rule coverage", () -> {
      List<String> problems = report.failures().stream().filter(f -> f.line() == 0).map(CaseRunner.Failure::message).toList();
      if (!problems.isEmpty()) {
        fail(file + ": " + String.join("\n", problems));
      }
    }));
    tests.add(DynamicTest.dynamicTest(file + " — 合同 / contract (inputs, outputs, FIRST, unknown values refused)", () -> {
      List<String> problems = DecisionContract.violations(decision, RUNNER);
      if (!problems.isEmpty()) {
        fail("dmn/" + key + ".dmn: " + String.join("\n", problems));
      }
    }));
    for (CaseFile.Row row : cases.rows()) {
      String note = row.cell(CaseFile.NOTE);
      tests.add(DynamicTest.dynamicTest(file + ":" + row.line() + (note.isEmpty() ? "" : " " + note), () -> {
        String problems = report.failures().stream().filter(f -> f.line() == row.line())
            .map(CaseRunner.Failure::message).collect(Collectors.joining("\n"));
        if (!problems.isEmpty()) {
          fail(file + ":" + row.line() + ": " + problems);
        }
      }));
    }
    return tests.stream();
  }

  static DmnDecision decision(String key) {
    try (InputStream in = resource("dmn/" + key + ".dmn")) {
      return RUNNER.parse(in).stream().filter(d -> d.getKey().equals(key)).findFirst()
          .orElseThrow(() -> new AssertionError("dmn/" + key + ".dmn has no decision " + key));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(String path) {
    try (InputStream in = resource(path)) {
      if (in == null) {
        throw new AssertionError("missing " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static InputStream resource(String path) {
    return DecisionCasesTest.class.getClassLoader().getResourceAsStream(path);
  }
}
