package cn.gov.enforcement.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("用例文件格式 / case file format")
class CaseFileTest {

  private static CaseFile parse(String text) {
    return CaseFile.parse("k", "k.csv", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("comments and blank lines are skipped; line numbers are the editor's; quoted notes keep commas")
  void readsRowsWithLineNumbers() {
    CaseFile cases = parse("\uFEFF# comment\n\na,b,note\r\ntrue, X ,\"x, \"\"y\"\"\"\n# another\nfalse,,\n");
    assertThat(cases.columns()).containsExactly("a", "b", "note");
    assertThat(cases.rows()).hasSize(2);
    assertThat(cases.rows().get(0).line()).isEqualTo(4);
    assertThat(cases.rows().get(0).cell("b")).isEqualTo("X");
    assertThat(cases.rows().get(0).cell("note")).isEqualTo("x, \"y\"");
    assertThat(cases.rows().get(1).line()).isEqualTo(6);
    assertThat(cases.rows().get(1).cell("b")).isEmpty();
  }

  @Test
  @DisplayName("too many fields, an unclosed quote, a duplicate column or a missing header are reported with the line")
  void malformedFiles() {
    assertThatThrownBy(() -> parse("a,b\n1,2,3\n")).isInstanceOf(CaseFile.MalformedCaseFileException.class)
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> parse("a,b\n\"1,2\n")).hasMessageContaining("line 2");
    assertThatThrownBy(() -> parse("a,a\n")).hasMessageContaining("duplicate column a");
    assertThatThrownBy(() -> parse("# only a comment\n")).hasMessageContaining("no header");
    assertThatThrownBy(() -> CaseFile.parse("k", "k.csv", new byte[] {(byte) 0xC3, (byte) 0x28}))
        .hasMessageContaining("UTF-8");
  }

  @Test
  @DisplayName("cells become booleans, numbers or strings; a resource name gives the key")
  void valuesAndKeys() {
    assertThat(CaseRunner.value("true")).isEqualTo(true);
    assertThat(CaseRunner.value("1")).isEqualTo(1L);
    assertThat(CaseRunner.value("yes")).isEqualTo("yes");
    assertThat(RuleCaseGate.keyOf("cases/retention-class.csv")).isEqualTo("retention-class");
    assertThat(RuleCaseGate.keyOf("retention-class.csv")).isEqualTo("retention-class");
    assertThat(RuleCaseGate.isTable("dmn/x.dmn")).isTrue();
    assertThat(RuleCaseGate.isCaseFile("X.CSV")).isTrue();
  }
}
