package cn.gov.enforcement.platform;

import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.BpmnParseFactory;
import org.camunda.bpm.engine.impl.cfg.DefaultBpmnParseFactory;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.util.ReflectUtil;
import org.springframework.stereotype.Component;
import org.xml.sax.Parser;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.XMLReader;

/**
 * The engine's BPMN parser with the BPMN 2.0 schema compiled once (issue #17 item 6, start-up).
 *
 * <p>Camunda 7.24's {@code Parse.execute()} hands every parse the schema as the JAXP property
 * {@code schemaSource}, so Xerces loads and compiles BPMN20.xsd (and Semantic, BPMNDI, DC, DI)
 * again for every process: on a fresh start that was 22 of the 24 JFR samples of the 15
 * processes' parse ({@code XSDHandler}). Here the same schema files are compiled once into a
 * {@link Schema} (immutable, thread-safe) and each parse gets a parser validating against it. The
 * rest is Camunda's: the same {@code BpmnParse}, listeners, XXE settings ({@code setXxeProcessing}
 * on the factory, as Camunda does), the same error handler, so a document the schema refuses is
 * refused with the same messages. A deployment that switches schema validation off
 * ({@code isValidatingSchema() == false}) still gets Camunda's own parser, unvalidated.
 * One difference, stricter: with a compiled schema Xerces ignores {@code xsi:schemaLocation}
 * hints in the document, where Camunda's would fetch them (external access "all").
 */
public class CompiledSchemaBpmnParser extends BpmnParser {

  private static final String SCHEMA_LANGUAGE = "http://java.sun.com/xml/jaxp/properties/schemaLanguage";
  private static final String SCHEMA_SOURCE = "http://java.sun.com/xml/jaxp/properties/schemaSource";
  private static final String NAMESPACE_PREFIXES = "http://xml.org/sax/features/namespace-prefixes";

  private final String schemaLocation = ReflectUtil.getResourceUrlAsString(BPMN_20_SCHEMA_LOCATION);
  private final Schema schema;
  private final ThreadLocal<SAXParserFactory> factories;

  public CompiledSchemaBpmnParser(BpmnParser original, BpmnParseFactory parseFactory) {
    super(original.getExpressionManager(), parseFactory);
    getParseListeners().addAll(original.getParseListeners());
    this.schema = compile(schemaLocation);
    this.factories = ThreadLocal.withInitial(() -> {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setSchema(schema);
      try {
        factory.setFeature(NAMESPACE_PREFIXES, true);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return factory;
    });
  }

  private static Schema compile(String location) {
    try {
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      // the imports of BPMN20.xsd lie next to it in the engine's jar; same setting as Parse.execute()
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA,
          System.getProperty("javax.xml.accessExternalSchema", "all"));
      return factory.newSchema(new java.net.URL(location));
    } catch (Exception e) {
      throw new IllegalStateException("BPMN 2.0 schema could not be compiled: " + location, e);
    }
  }

  @Override
  protected SAXParser getSaxParser() throws Exception {
    // Parse.setSchemaResource sets the shared factory's validation just before execute(): off means the
    // deployment asked for no schema validation, so Camunda's own parser (unvalidated) is used
    if (!getSaxParserFactoryLazily().isValidating()) {
      return super.getSaxParser();
    }
    SAXParserFactory factory = factories.get();
    setXxeProcessing(factory);
    return new FixedSchemaSaxParser(factory.newSAXParser(), schemaLocation);
  }

  /**
   * Passes everything through, except the two properties by which {@code Parse.execute()} names the
   * schema: they must name the one already compiled in, anything else is refused.
   */
  static final class FixedSchemaSaxParser extends SAXParser {
    private final SAXParser delegate;
    private final String schemaLocation;

    FixedSchemaSaxParser(SAXParser delegate, String schemaLocation) {
      this.delegate = delegate;
      this.schemaLocation = schemaLocation;
    }

    @Override
    public void setProperty(String name, Object value) throws SAXNotRecognizedException, SAXNotSupportedException {
      if (SCHEMA_LANGUAGE.equals(name)) {
        if (!XMLConstants.W3C_XML_SCHEMA_NS_URI.equals(value)) {
          throw new SAXNotSupportedException("schema language " + value);
        }
        return;
      }
      if (SCHEMA_SOURCE.equals(name)) {
        if (!schemaLocation.equals(value)) {
          throw new SAXNotSupportedException("schema " + value + " is not the compiled " + schemaLocation);
        }
        return;
      }
      delegate.setProperty(name, value);
    }

    @Override
    public Object getProperty(String name) throws SAXNotRecognizedException, SAXNotSupportedException {
      return delegate.getProperty(name);
    }

    @Override
    @SuppressWarnings("deprecation")
    public Parser getParser() throws SAXException {
      return delegate.getParser();
    }

    @Override
    public XMLReader getXMLReader() throws SAXException {
      return delegate.getXMLReader();
    }

    @Override
    public boolean isNamespaceAware() {
      return delegate.isNamespaceAware();
    }

    @Override
    public boolean isValidating() {
      return true;
    }

    @Override
    public Schema getSchema() {
      return delegate.getSchema();
    }
  }

  /** Puts the parser on the engine's BPMN deployer, after the engine built it with its listeners. */
  @Component
  public static class Installer extends AbstractProcessEnginePlugin {
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
      BpmnParseFactory parseFactory = configuration.getBpmnParseFactory() != null
          ? configuration.getBpmnParseFactory() : new DefaultBpmnParseFactory();
      List<Deployer> deployers = new ArrayList<>(configuration.getDeployers());
      for (Deployer deployer : deployers) {
        if (deployer instanceof BpmnDeployer bpmn && !(bpmn.getBpmnParser() instanceof CompiledSchemaBpmnParser)) {
          bpmn.setBpmnParser(new CompiledSchemaBpmnParser(bpmn.getBpmnParser(), parseFactory));
        }
      }
    }

    @Override
    public String toString() {
      return "CompiledSchemaBpmnParser";
    }
  }
}
