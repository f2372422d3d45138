package cn.gov.enforcement.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Expressions see only the beans the models name (issue 11): the engine's {@code beans} map is set
 * to exactly the Spring beans that the shipped process models ({@code classpath*:processes/*.bpmn},
 * the models the application deploys) name in an expression — {@code ${caseOpening}} as a
 * delegate, {@code ${periods.endOfDays(…)}} in a due date, {@code serviceRules} as an argument —
 * and only beans of the application's own classes (package {@code cn.gov.enforcement}). Spring's
 * own beans ({@code environment}, {@code dataSource}, {@code applicationContext}, the engine's
 * services and configuration) are therefore never reachable from an expression, whatever a model
 * deployed later writes.
 *
 * <p>Why here: with no {@code beans} map, camunda-spring's {@code SpringExpressionManager}
 * resolves any identifier through an {@code ApplicationContextElResolver} (the whole context), and
 * {@code SpringProcessEngineConfiguration#initScripting} exposes the whole context to scripts. The
 * starter's {@code ProcessEngineFactoryBean} creates the expression manager before any plugin runs,
 * with the map it had then (none), so setting the map alone would not change it: the plugin also
 * installs a {@code SpringExpressionManager} built with the map (it then uses a
 * {@code ReadOnlyMapELResolver} over the map instead of the context). Functions are added by the
 * engine after {@code preInit}, so nothing is lost.
 *
 * <p>Why computed from the models, not a list: a new delegate in a model is available without a
 * second place to edit, and a bean no shipped model names is not. {@code ModelBeansTest} checks
 * that every bean a shipped model names is in the map and that nothing else is.
 *
 * <p>The map is lazy: a delegate bean is fetched from the context when an expression first uses
 * it, because delegates depend on engine services that do not exist while the engine is built.
 */
@Component
public class ModelBeansPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(ModelBeansPlugin.class);

  static final String MODELS = "classpath*:processes/*.bpmn";
  static final String APPLICATION_PACKAGE = "cn.gov.enforcement.";

  /** {@code ${…}} or {@code #{…}} after string literals were emptied. */
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern STRING = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
  /** An identifier that is not a property or method after a dot. */
  private static final Pattern HEAD_IDENTIFIER = Pattern.compile("(?<![\\w.$])([A-Za-z_$][\\w$]*)");

  private final ApplicationContext context;

  public ModelBeansPlugin(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    Set<String> names = allowedBeanNames(context, modelIdentifiers());
    Map<Object, Object> beans = new ModelBeans(context, names);
    configuration.setBeans(beans);
    configuration.setExpressionManager(new SpringExpressionManager(context, beans));
    LOG.info("expressions see {} beans named by the process models: {}", names.size(), names);
  }

  /** Every identifier at the head of an expression in the shipped process models. */
  static Set<String> modelIdentifiers() {
    Set<String> identifiers = new TreeSet<>();
    try {
      for (Resource model : new PathMatchingResourcePatternResolver(ModelBeansPlugin.class.getClassLoader()).getResources(MODELS)) {
        try (InputStream in = model.getInputStream()) {
          identifiers.addAll(identifiers(in));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the process models " + MODELS, e);
    }
    return identifiers;
  }

  /** The head identifiers of every expression in one BPMN file (attributes and texts). */
  static Set<String> identifiers(InputStream bpmn) {
    Set<String> identifiers = new TreeSet<>();
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      collect(factory.newDocumentBuilder().parse(bpmn).getDocumentElement(), identifiers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot parse a process model", e);
    }
    return identifiers;
  }

  private static void collect(Element element, Set<String> identifiers) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      collect(((Attr) attributes.item(i)).getValue(), identifiers);
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child.getNodeType() == Node.ELEMENT_NODE) {
        collect((Element) child, identifiers);
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        collect(child.getNodeValue(), identifiers);
      }
    }
  }

  static void collect(String value, Set<String> identifiers) {
    if (value == null || (!value.contains("${") && !value.contains("#{"))) {
      return;
    }
    Matcher expression = EXPRESSION.matcher(STRING.matcher(value).replaceAll("''"));
    while (expression.find()) {
      Matcher identifier = HEAD_IDENTIFIER.matcher(expression.group(1));
      while (identifier.find()) {
        identifiers.add(identifier.group(1));
      }
    }
  }

  /** The identifiers that name a bean of the application's own classes (the rest are variables or keywords). */
  static Set<String> allowedBeanNames(ApplicationContext context, Set<String> identifiers) {
    Set<String> names = new TreeSet<>();
    for (String identifier : identifiers) {
      if (!context.containsBean(identifier)) {
        continue;
      }
      Class<?> type = context.getType(identifier, false);
      if (type != null && type.getName().startsWith(APPLICATION_PACKAGE)) {
        names.add(identifier);
      } else {
        LOG.warn("a process model names the bean '{}' ({}), which is not one of the application's; expressions do not see it",
            identifier, type == null ? "unknown type" : type.getName());
      }
    }
    return Collections.unmodifiableSet(names);
  }

  /** The engine's beans map: the allowed names, each bean fetched from the context on first use. */
  static final class ModelBeans extends AbstractMap<Object, Object> {
    private final ApplicationContext context;
    private final Set<String> names;

    ModelBeans(ApplicationContext context, Set<String> names) {
      this.context = context;
      this.names = names;
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && names.contains(name);
    }

    @Override
    public Object get(Object key) {
      return containsKey(key) ? context.getBean((String) key) : null;
    }

    @Override
    public Set<Object> keySet() {
      return Collections.unmodifiableSet(names);
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      Map<Object, Object> all = new LinkedHashMap<>();
      for (String name : names) {
        all.put(name, context.getBean(name));
      }
      return Collections.unmodifiableMap(all).entrySet();
    }

    @Override
    public Object put(Object key, Object value) {
      throw new UnsupportedOperationException("the engine's beans are the models' beans");
    }
  }
}
