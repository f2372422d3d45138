package cn.gov.enforcement.platform;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Loads, on the second core, the libraries a first start needs only after the process engine is
 * built and the bare Camunda starter never loads: the DMN model API with its XML schemas, the DMN
 * transformer and feel-scala (the rule gate parses the 4 shipped tables and runs every case), and
 * the XML-schema validation the engine's BPMN parser applies to every process (issue #17 item 6,
 * docs/benchmarks.md "Fresh start"). It does nothing the start-up relies on: a tiny table and a
 * tiny process, evaluated and validated on throwaway objects; every check still runs where it ran.
 *
 * <p>It runs while Spring builds the context and Flyway migrates, which touch none of these
 * libraries, and the engine waits for it ({@link #preInit}) before it starts, so the warm-up and
 * the engine never initialise the same classes at the same time. A failure only loses the gain.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE) // its preInit before any other plugin's: nothing of the engine runs during the warm-up
public class StartupWarmUp extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(StartupWarmUp.class);

  private static volatile Thread running;

  /** Started by Spring Boot before the context is refreshed (META-INF/spring.factories). */
  public static final class Starter implements ApplicationListener<ApplicationPreparedEvent> {
    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
      synchronized (StartupWarmUp.class) {
        if (running == null) {
          Thread thread = new Thread(StartupWarmUp::warmUp, "startup-warm-up");
          thread.setDaemon(true);
          running = thread;
          thread.start();
        }
      }
    }
  }

  /** The engine starts once the warm-up is done (at most a minute: it never blocks a start for good). */
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    Thread thread = running;
    if (thread != null) {
      try {
        thread.join(TimeUnit.MINUTES.toMillis(1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static void warmUp() {
    long start = System.nanoTime();
    try {
      DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(TABLE.getBytes(StandardCharsets.UTF_8)));
      DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
      DmnDecision decision = engine.parseDecisions(model).get(0);
      engine.evaluateDecisionTable(decision, Variables.createVariables().putValue("amount", 2_000).putValue("kind", "b"));

      URL schema = ProcessEngineConfigurationImpl.class.getClassLoader()
          .getResource("org/camunda/bpm/engine/impl/bpmn/parser/BPMN20.xsd");
      if (schema != null) {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(true);
        SAXParser parser = factory.newSAXParser();
        parser.setProperty("http://java.sun.com/xml/jaxp/properties/schemaLanguage", XMLConstants.W3C_XML_SCHEMA_NS_URI);
        parser.setProperty("http://java.sun.com/xml/jaxp/properties/schemaSource", schema.toString());
        parser.parse(new ByteArrayInputStream(PROCESS.getBytes(StandardCharsets.UTF_8)), new DefaultHandler());
      }
      LOG.debug("start-up warm-up done in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    } catch (Throwable e) { // only a warm-up: the real work reports its own failures
      LOG.debug("start-up warm-up stopped: {}", e.toString());
    } finally {
      running = null;
    }
  }

  private static final String TABLE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
          id="Definitions_WarmUp" name="warm-up" namespace="http://camunda.org/schema/1.0/dmn">
        <decision id="warm-up" name="warm-up" camunda:historyTimeToLive="1">
          <decisionTable id="DecisionTable_WarmUp" hitPolicy="FIRST">
            <input id="Input_Amount" label="amount">
              <inputExpression id="InputExpression_Amount" typeRef="integer"><text>amount</text></inputExpression>
            </input>
            <input id="Input_Kind" label="kind">
              <inputExpression id="InputExpression_Kind" typeRef="string"><text>kind</text></inputExpression>
            </input>
            <output id="Output_Class" name="class" typeRef="string" />
            <rule id="Rule_1">
              <inputEntry id="UnaryTests_1a"><text>&gt; 1000</text></inputEntry>
              <inputEntry id="UnaryTests_1b"><text>"a","b"</text></inputEntry>
              <outputEntry id="LiteralExpression_1"><text>"high"</text></outputEntry>
            </rule>
            <rule id="Rule_2">
              <inputEntry id="UnaryTests_2a"><text>[0..1000]</text></inputEntry>
              <inputEntry id="UnaryTests_2b"><text>-</text></inputEntry>
              <outputEntry id="LiteralExpression_2"><text>"low"</text></outputEntry>
            </rule>
          </decisionTable>
        </decision>
      </definitions>
      """.strip();

  private static final String PROCESS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          id="Definitions_WarmUp" targetNamespace="http://camunda.org/examples">
        <process id="warm-up" isExecutable="true" camunda:historyTimeToLive="1">
          <startEvent id="Start" />
          <sequenceFlow id="Flow" sourceRef="Start" targetRef="End" />
          <endEvent id="End" />
        </process>
      </definitions>
      """.strip();

  @Override
  public String toString() {
    return "StartupWarmUp";
  }
}
