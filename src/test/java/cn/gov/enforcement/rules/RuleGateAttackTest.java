package cn.gov.enforcement.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.rules.RuleOwnerDesk.Answer;
import cn.gov.enforcement.rules.RuleOwnerDesk.File;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Issue 11, item 2: a rule owner must not run code on the server through a decision table. Every
 * variant is deployed as {@code rules1} through the Modeler's REST call, with and without the
 * gate's cases; the payload would create a marker file (synchronously: the command is waited
 * for), so "the marker is absent right after the refusal" proves nothing ran — and
 * {@link #payloadCreatesTheMarkerWhenEvaluated} proves the same payload does create it when a
 * DMN engine evaluates it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisplayName("规则表只能用 FEEL / rule tables are FEEL only (attack suite, issue 11)")
class RuleGateAttackTest {

  static final String RETENTION = "retention-class";
  static final Path MARKERS = Path.of("target", "attack-markers").toAbsolutePath();

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;

  RuleOwnerDesk desk;

  @BeforeEach
  void desk() throws IOException {
    desk = new RuleOwnerDesk(rest, repositoryService);
    Files.createDirectories(MARKERS);
  }

  @AfterEach
  void shippedTablesStayLatest() {
    for (DecisionContract.Table table : DecisionContract.tables()) {
      desk.restoreShipped(table.key());
    }
  }

  /** A fresh marker file path; the payload {@code touch}es it. */
  static Path marker() {
    return MARKERS.resolve("rce-" + UUID.randomUUID());
  }

  /** JUEL that runs {@code touch marker} and waits for it, as the attacker of issue 11 did. */
  static String juelExec(Path marker) {
    return "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch "
        + marker + "').waitFor() == 0}";
  }

  /** The first element {@code <tag …>} of the table gets the attribute, and its {@code <text>} the payload. */
  static String inject(String table, String tag, String attribute, String payload) {
    Matcher start = Pattern.compile("<" + tag + "( id=\"[^\"]*\")?([^>]*)>").matcher(table);
    assertThat(start.find()).as("<%s> in the table", tag).isTrue();
    int textStart = table.indexOf("<text>", start.end()) + "<text>".length();
    int textEnd = table.indexOf("</text>", textStart);
    String head = attribute == null ? start.group() : start.group().replaceFirst(">$", " " + attribute + ">");
    return table.substring(0, start.start()) + head + table.substring(start.end(), textStart)
        + escape(payload) + table.substring(textEnd);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static String onDefinitions(String table, String attribute) {
    return table.replaceFirst("<definitions ", "<definitions " + attribute + " ");
  }

  record Variant(String name, UnaryOperator<String> attack, String element, String language) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Variant> variants(Path marker) {
    String exec = juelExec(marker);
    List<Variant> variants = new ArrayList<>();
    variants.add(new Variant("JUEL input entry", t -> inject(t, "inputEntry", "expressionLanguage=\"juel\"", exec),
        "<inputEntry id=\"UnaryTests_01_Activity\">", "juel"));
    variants.add(new Variant("JUEL output entry", t -> inject(t, "outputEntry", "expressionLanguage=\"juel\"", exec),
        "<outputEntry", "juel"));
    variants.add(new Variant("JUEL input expression", t -> inject(t, "inputExpression", "expressionLanguage=\"juel\"", exec),
        "<inputExpression id=\"InputExpression_Activity\">", "juel"));
    variants.add(new Variant("upper-case JUEL output entry", t -> inject(t, "outputEntry", "expressionLanguage=\"JUEL\"", exec),
        "<outputEntry", "JUEL"));
    variants.add(new Variant("table default JUEL, entry without attribute",
        t -> onDefinitions(inject(t, "outputEntry", null, exec), "expressionLanguage=\"juel\""),
        "<definitions id=\"Definitions_RetentionClass\">", "juel"));
    variants.add(new Variant("javascript input entry", t -> inject(t, "inputEntry", "expressionLanguage=\"javascript\"",
        "java.lang.Runtime.getRuntime().exec('touch " + marker + "').waitFor() == 0"), "<inputEntry", "javascript"));
    variants.add(new Variant("groovy output entry", t -> inject(t, "outputEntry", "expressionLanguage=\"groovy\"",
        "'touch " + marker + "'.execute().waitFor()"), "<outputEntry", "groovy"));
    variants.add(new Variant("FEEL look-alike namespace", t -> inject(t, "outputEntry",
        "expressionLanguage=\"http://www.omg.org/spec/DMN/20191111/FEEL\"", exec), "<outputEntry",
        "http://www.omg.org/spec/DMN/20191111/FEEL"));
    variants.add(new Variant("FEEL with a trailing space", t -> inject(t, "outputEntry", "expressionLanguage=\"feel \"", exec),
        "<outputEntry", "feel "));
    variants.add(new Variant("empty expression language", t -> inject(t, "outputEntry", "expressionLanguage=\"\"", exec),
        "<outputEntry", "expressionLanguage=\"\""));
    variants.add(new Variant("typeLanguage JUEL on the table", t -> onDefinitions(t, "typeLanguage=\"juel\""),
        "<definitions id=\"Definitions_RetentionClass\">", "typeLanguage"));
    variants.add(new Variant("environment property in a JUEL output entry", t -> inject(t, "outputEntry",
        "expressionLanguage=\"juel\"", "${environment.getProperty('spring.datasource.url')}"), "<outputEntry", "juel"));
    variants.add(new Variant("FEEL external Java function", t -> inject(t, "inputExpression", null,
        "{exec: function(c) external {java: {class: \"java.lang.Runtime\", method signature: \"getRuntime()\"}}, r: exec(1)}.r"),
        "<inputExpression id=\"InputExpression_Activity\">", "external"));
    variants.add(new Variant("JUEL literal expression in a required decision", t -> withRequiredLiteral(t, exec),
        "<literalExpression id=\"LiteralExpression_Probe\">", "juel"));
    return variants;
  }

  /** The table requires a second decision, a decision literal expression in JUEL. */
  static String withRequiredLiteral(String table, String payload) {
    String literal = "  <decision id=\"probe-literal\" name=\"probe\">\n"
        + "    <variable id=\"Variable_Probe\" name=\"probe\" typeRef=\"boolean\" />\n"
        + "    <literalExpression id=\"LiteralExpression_Probe\" expressionLanguage=\"juel\"><text>" + escape(payload)
        + "</text></literalExpression>\n  </decision>\n</definitions>";
    String requiring = table.replaceFirst("(<decision id=\"retention-class\"[^>]*>)",
        "$1\n    <informationRequirement id=\"InformationRequirement_Probe\"><requiredDecision href=\"#probe-literal\" /></informationRequirement>");
    return requiring.replace("</definitions>", literal);
  }

  static Stream<Arguments> attacks() {
    List<Arguments> arguments = new ArrayList<>();
    for (boolean withCases : List.of(false, true)) {
      for (Variant variant : variants(Path.of("MARKER"))) {
        arguments.add(Arguments.of(variant.name(), withCases));
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0}, with the gate''s cases: {1}")
  @MethodSource("attacks")
  @DisplayName("RET-05 ACC-07 REC-02 a table with a non-FEEL expression is refused statically (400, the element named), nothing runs, no new version")
  void nonFeelTableIsRefusedBeforeAnythingRuns(String name, boolean withCases) {
    Path marker = marker();
    Variant variant = variants(marker).stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    String table = variant.attack().apply(RuleOwnerDesk.shippedTable(RETENTION));
    int before = desk.latestVersion(RETENTION);

    Answer answer = withCases
        ? desk.deploy("rules1", "attack " + name, File.of("retention-class.dmn", table),
            File.of("cases/retention-class.csv", RuleOwnerDesk.shippedCases(RETENTION)))
        : desk.deploy("rules1", "attack " + name, File.of("retention-class.dmn", table));

    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(400);
    assertThat(answer.body().get("type").asText()).isEqualTo("RuleGateException");
    String message = answer.body().get("message").asText();
    assertThat(message).contains("部署已拒绝", "deployment is refused", "retention-class.dmn", variant.element(), variant.language());
    assertThat(message).containsAnyOf("不是 FEEL", "定义了 FEEL 函数");
    // refused before any case ran: the gate's case report never appears
    assertThat(message).doesNotContain("用例文件 / case file");
    assertThat(marker).doesNotExist();
    assertThat(message).doesNotContain("jdbc:");
    assertThat(desk.latestVersion(RETENTION)).isEqualTo(before);
  }

  @ParameterizedTest(name = "deployment name {0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"enforcement-models", "some maintenance deployment"})
  @DisplayName("RET-05 ACC-07 the Java API without a user — the application's own path, as its start-up auto-deployment ('enforcement-models') — meets the same static check")
  void applicationDeploymentIsCheckedToo(String deploymentName) {
    Path marker = marker();
    String table = inject(RuleOwnerDesk.shippedTable(RETENTION), "inputEntry", "expressionLanguage=\"juel\"", juelExec(marker));
    int before = desk.latestVersion(RETENTION);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> repositoryService.createDeployment().name(deploymentName)
            .addString("dmn/retention-class.dmn", table)
            .addString("dmn/cases/retention-class.csv", RuleOwnerDesk.shippedCases(RETENTION)).deploy())
        .isInstanceOf(RuleGateException.class)
        .hasMessageContaining("<inputEntry id=\"UnaryTests_01_Activity\">").hasMessageContaining("不是 FEEL");
    assertThat(marker).doesNotExist();
    assertThat(desk.latestVersion(RETENTION)).isEqualTo(before);
  }

  @Test
  @DisplayName("RET-05 ACC-07 the Java API as rules1 meets the same static check")
  void javaApiAsRuleOwner() {
    Path marker = marker();
    String table = inject(RuleOwnerDesk.shippedTable(RETENTION), "outputEntry", "expressionLanguage=\"juel\"", juelExec(marker));
    var identity = engineConfiguration.getIdentityService();
    identity.setAuthentication("rules1", List.of("rule-owner"));
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> repositoryService.createDeployment().name("java api attack")
              .addString("retention-class.dmn", table).deploy())
          .isInstanceOf(RuleGateException.class).hasMessageContaining("<outputEntry");
    } finally {
      identity.clearAuthentication();
    }
    assertThat(marker).doesNotExist();
  }

  @Test
  @DisplayName("RET-05 control: the same JUEL payload creates the marker when a DMN engine evaluates it, so its absence above means nothing ran")
  void payloadCreatesTheMarkerWhenEvaluated() throws IOException {
    Path marker = marker();
    String table = inject(RuleOwnerDesk.shippedTable(RETENTION), "inputEntry", "expressionLanguage=\"juel\"", juelExec(marker));
    // the table passes the XML parse the gate would otherwise go on to
    assertThat(FeelOnlyExpressions.problems("probe.dmn", table.getBytes(StandardCharsets.UTF_8))).hasSize(1);
    DmnEngine plainEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DmnDecision decision = plainEngine.parseDecision(RETENTION, new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8)));

    plainEngine.evaluateDecisionTable(decision, Variables.fromMap(RuleGateRestTest.patrol(false)));

    assertThat(marker).exists();
    Files.delete(marker);
  }

  @Test
  @DisplayName("RET-05 the engine's DMN defaults are FEEL: an input expression, entry or literal without expressionLanguage is FEEL")
  void engineDefaultsAreFeel() {
    var dmn = engineConfiguration.getDmnEngineConfiguration();
    assertThat(List.of(dmn.getDefaultInputExpressionExpressionLanguage(), dmn.getDefaultInputEntryExpressionLanguage(),
        dmn.getDefaultOutputEntryExpressionLanguage(), dmn.getDefaultLiteralExpressionLanguage()))
        .allSatisfy(language -> assertThat(FeelOnlyExpressions.isFeel(language)).as(language).isTrue());
    assertThat(engineConfiguration.isDmnFeelEnableLegacyBehavior()).isFalse();
  }

  @Test
  @DisplayName("RET-05 REC-02 DEC-07 LR-02 the shipped tables are FEEL only (they pass the static check)")
  void shippedTablesAreFeelOnly() {
    for (DecisionContract.Table table : DecisionContract.tables()) {
      assertThat(FeelOnlyExpressions.problems(table.key() + ".dmn",
          RuleOwnerDesk.shippedTable(table.key()).getBytes(StandardCharsets.UTF_8))).as(table.key()).isEmpty();
    }
  }

  @Test
  @DisplayName("RET-05 a table with a DOCTYPE (external entities) is refused before it is parsed further")
  void doctypeIsRefused() {
    String table = RuleOwnerDesk.shippedTable(RETENTION).replaceFirst("\\?>",
        "?><!DOCTYPE definitions [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>");
    Answer answer = desk.deploy("rules1", "attack doctype", File.of("retention-class.dmn", table));
    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(400);
    assertThat(answer.body().get("message").asText()).contains("DOCTYPE").doesNotContain("root:");
  }
}
