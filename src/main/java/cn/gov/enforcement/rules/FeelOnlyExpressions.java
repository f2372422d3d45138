package cn.gov.enforcement.rules;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The static check of a decision table before anything in it is evaluated: every expression is
 * FEEL, and no FEEL expression defines a function (feel-scala's {@code function(x) external {java:
 * …}} is the only way from FEEL to Java; the engine also has external functions switched off).
 *
 * <p>Why statically: JUEL ({@code expressionLanguage="juel"}) and script languages reach any Java
 * class ({@code ''.getClass().forName('java.lang.Runtime')…}) and, through the engine's expression
 * manager, beans. The deploy gate evaluates a table against its cases, so a check made by
 * evaluating would already have run the code. This check only parses the XML (no DOCTYPE, no
 * external entities) and reads attributes and texts.
 *
 * <p>What counts as FEEL is exactly what the DMN engine of Camunda 7.24 evaluates with FEEL
 * ({@code ExpressionEvaluationHandler#isFeelExpressionLanguage}): the FEEL namespaces of DMN 1.1 to
 * 1.5 and {@code feel} in any case — nothing else, not even a look-alike such as
 * {@code http://www.omg.org/spec/DMN/20191111/FEEL} (which the engine would hand to a script
 * engine). An element without the attribute takes the table's {@code definitions/@expressionLanguage},
 * which must then be FEEL (or absent), and the engine's defaults, which {@link RuleGatePlugin}
 * sets to FEEL explicitly. Every attribute named {@code expressionLanguage} or
 * {@code typeLanguage}, in any namespace and on any element (input and output entries, input
 * expressions, literal expressions, decision literal expressions, knowledge models, DRD elements),
 * is checked, so an element the engine may learn to evaluate later is covered too.
 */
public final class FeelOnlyExpressions {

  private static final Set<String> FEEL = Set.of(
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE,
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12,
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13,
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14,
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15);

  private static final Set<String> LANGUAGE_ATTRIBUTES = Set.of("expressionLanguage", "typeLanguage");

  /** A FEEL string literal, with its escapes; removed before looking for keywords. */
  private static final Pattern FEEL_STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"", Pattern.DOTALL);
  /** A function definition ({@code function(…) …}) or an external one ({@code external {java: …}}). */
  private static final Pattern FUNCTION_DEFINITION =
      Pattern.compile("(?<![\\w.])(function\\s*\\(|external(?![\\w]))", Pattern.CASE_INSENSITIVE);

  private FeelOnlyExpressions() {}

  /** Whether the DMN engine evaluates an expression in this language with FEEL. */
  public static boolean isFeel(String expressionLanguage) {
    return expressionLanguage != null
        && (FEEL.contains(expressionLanguage)
            || expressionLanguage.toLowerCase(Locale.ROOT).equals(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE));
  }

  /** The problems of one table resource, each naming the element; empty when every expression is FEEL. */
  public static List<String> problems(String resourceName, byte[] dmn) {
    Element root;
    try {
      root = parser().parse(new ByteArrayInputStream(dmn)).getDocumentElement();
    } catch (Exception e) {
      return List.of(resourceName + " 无法作为 XML 读取（不允许 DOCTYPE 和外部实体）/ cannot be read as XML (no DOCTYPE or external entities): "
          + CaseRunner.shortMessage(e));
    }
    List<String> problems = new ArrayList<>();
    check(resourceName, root, problems);
    return problems;
  }

  /**
   * The same check on a document already in memory (the DOM of a model instance the engine is
   * transforming): the elements and attributes the byte check would find after serialising and
   * re-reading it, without doing either. A document type declaration is refused here as the
   * byte check refuses it.
   */
  public static List<String> problems(String resourceName, Document document) {
    if (document.getDoctype() != null) {
      return List.of(resourceName + " 无法作为 XML 读取（不允许 DOCTYPE 和外部实体）/ cannot be read as XML (no DOCTYPE or external entities): DOCTYPE");
    }
    List<String> problems = new ArrayList<>();
    if (document.getDocumentElement() != null) {
      check(resourceName, document.getDocumentElement(), problems);
    }
    return problems;
  }

  private static void check(String resourceName, Element element, List<String> problems) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String name = attribute.getLocalName() != null ? attribute.getLocalName() : withoutPrefix(attribute.getName());
      if (LANGUAGE_ATTRIBUTES.contains(name) && !isFeel(attribute.getValue())) {
        problems.add(resourceName + "：" + describe(element) + " 的 " + name + "=\"" + attribute.getValue()
            + "\" 不是 FEEL；规则表只允许 FEEL 表达式 / " + describe(element) + " has " + name + "=\""
            + attribute.getValue() + "\", which is not FEEL; a rule table may contain FEEL expressions only");
      }
    }
    if ("text".equals(localName(element)) && !isAnnotation(element.getParentNode())) {
      String text = element.getTextContent();
      if (text != null && FUNCTION_DEFINITION.matcher(FEEL_STRING.matcher(text).replaceAll("\"\"")).find()) {
        Element owner = element.getParentNode() instanceof Element parent ? parent : element;
        problems.add(resourceName + "：" + describe(owner)
            + " 定义了 FEEL 函数（function / external），规则表中不允许 / " + describe(owner)
            + " defines a FEEL function (function / external), which a rule table may not");
      }
    }
    // siblings, not getChildNodes(): a DOM's node lists cache on read, and the engine's DOM may be shared
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.ELEMENT_NODE) {
        check(resourceName, (Element) child, problems);
      }
    }
  }

  /** A rule's annotation or a DRD text annotation: prose, never evaluated. */
  private static boolean isAnnotation(Node parent) {
    return parent instanceof Element owner
        && ("annotationEntry".equals(localName(owner)) || "textAnnotation".equals(localName(owner)));
  }

  /** {@code inputEntry id="UnaryTests_1"} — the element a rule owner finds in the Modeler's XML view. */
  private static String describe(Element element) {
    String id = element.getAttribute("id");
    return "<" + localName(element) + (id.isEmpty() ? "" : " id=\"" + id + "\"") + ">";
  }

  private static String localName(Element element) {
    return element.getLocalName() != null ? element.getLocalName() : withoutPrefix(element.getTagName());
  }

  /** A node built without namespaces (DOM level 1) has no local name: {@code camunda:x} reads as {@code x}, as after re-reading. */
  private static String withoutPrefix(String name) {
    return name.substring(name.indexOf(':') + 1);
  }

  private static DocumentBuilder parser() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setErrorHandler(null);
    return builder;
  }
}
