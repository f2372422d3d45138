package cn.gov.enforcement.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The BPMN parser with the schema compiled once accepts and refuses exactly what Camunda's own
 * parser does, with the same messages (issue #17 item 6): two in-memory engines, one as Camunda
 * builds it, one with {@link CompiledSchemaBpmnParser.Installer}, get the same documents.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompiledSchemaBpmnParserTest {

  private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
      + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"d\" targetNamespace=\"t\">\n";

  static final Map<String, String> DOCUMENTS = new LinkedHashMap<>();

  static {
    DOCUMENTS.put("valid", HEAD + "<bpmn:process id=\"p\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\">"
        + "<bpmn:startEvent id=\"s\"/><bpmn:sequenceFlow id=\"f\" sourceRef=\"s\" targetRef=\"e\"/>"
        + "<bpmn:endEvent id=\"e\"/></bpmn:process></bpmn:definitions>");
    DOCUMENTS.put("unknown element", HEAD + "<bpmn:process id=\"p\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\">"
        + "<bpmn:startEvent id=\"s\"/><bpmn:noSuchTask id=\"x\"/></bpmn:process></bpmn:definitions>");
    DOCUMENTS.put("wrong attribute type", HEAD + "<bpmn:process id=\"p\" isExecutable=\"maybe\" camunda:historyTimeToLive=\"P1D\">"
        + "<bpmn:startEvent id=\"s\"/></bpmn:process></bpmn:definitions>");
    DOCUMENTS.put("element in wrong place", HEAD + "<bpmn:startEvent id=\"s\"/>"
        + "<bpmn:process id=\"p\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\"/></bpmn:definitions>");
    DOCUMENTS.put("doctype", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x \"y\">]>\n"
        + HEAD.substring(HEAD.indexOf('\n') + 1) + "<bpmn:process id=\"p\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\">"
        + "<bpmn:documentation>&x;</bpmn:documentation><bpmn:startEvent id=\"s\"/></bpmn:process></bpmn:definitions>");
    DOCUMENTS.put("not xml", "<bpmn:definitions");
  }

  ProcessEngine camunda;
  ProcessEngine compiled;

  @BeforeAll
  void engines() {
    camunda = engine(false);
    compiled = engine(true);
  }

  @AfterAll
  void close() {
    camunda.close();
    compiled.close();
  }

  private static ProcessEngine engine(boolean compiledSchema) {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("bpmn-schema-" + compiledSchema + "-" + UUID.randomUUID());
    configuration.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    configuration.setJobExecutorActivate(false);
    if (compiledSchema) {
      configuration.setProcessEnginePlugins(List.of(new CompiledSchemaBpmnParser.Installer()));
    }
    return configuration.buildProcessEngine();
  }

  private static String deploy(ProcessEngine engine, String name, String xml) {
    try {
      engine.getRepositoryService().createDeployment().addString(name + ".bpmn", xml).deploy();
      return "accepted";
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  @Test
  @DisplayName("#17 BPMN 架构只编译一次，接受与拒绝同 Camunda / the compiled-once schema accepts and refuses what Camunda's parser does, same messages")
  void sameVerdictsAndMessages() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) compiled.getProcessEngineConfiguration();
    assertThat(configuration.getDeployers()).filteredOn(BpmnDeployer.class::isInstance)
        .singleElement().satisfies(d -> assertThat(((BpmnDeployer) d).getBpmnParser()).isInstanceOf(CompiledSchemaBpmnParser.class));

    DOCUMENTS.forEach((name, xml) -> {
      String expected = deploy(camunda, name, xml);
      String actual = deploy(compiled, name, xml);
      assertThat(actual).as(name).isEqualTo(expected);
      if (name.equals("valid")) {
        assertThat(actual).as(name).isEqualTo("accepted");
      } else {
        assertThat(actual).as(name).isNotEqualTo("accepted");
      }
    });
    // the schema really validates: the refusals name the schema rule, as Camunda's do
    assertThat(deploy(compiled, "unknown element 2", DOCUMENTS.get("unknown element"))).contains("cvc-complex-type");
    assertThat(deploy(compiled, "wrong attribute type 2", DOCUMENTS.get("wrong attribute type"))).contains("cvc-");
  }
}
