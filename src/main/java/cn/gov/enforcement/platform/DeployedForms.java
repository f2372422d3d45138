package cn.gov.enforcement.platform;

import static org.camunda.bpm.engine.impl.form.handler.DefaultFormHandler.FORM_REF_BINDING_DEPLOYMENT;
import static org.camunda.bpm.engine.impl.form.handler.DefaultFormHandler.FORM_REF_BINDING_VERSION;

import cn.gov.enforcement.forms.FormSchema;
import cn.gov.enforcement.forms.FormSchemaParser;
import cn.gov.enforcement.forms.FormUnavailableException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.entity.CamundaFormDefinitionManager;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Finds the deployed form a {@code camunda:formRef} points to, the way the engine does for
 * {@code FormService.getDeployedTaskForm} ({@code GetCamundaFormDefinitionCmd}: bindings
 * {@code deployment}, {@code latest}, {@code version}), and keeps the parsed form per form
 * definition id. A reference with binding {@code deployment} or {@code version} always means the
 * same definition, so it is resolved once; {@code latest} costs one indexed query per submission.
 * Runs inside an engine command.
 */
final class DeployedForms {

  /** A form reference after its expressions are evaluated. */
  record Reference(String key, String binding, Integer version, String deploymentId) {

    /** Resolves to the same definition forever. */
    boolean stable() {
      return FORM_REF_BINDING_DEPLOYMENT.equals(binding) || FORM_REF_BINDING_VERSION.equals(binding);
    }

    @Override
    public String toString() {
      return key + " (" + binding + (version != null ? " " + version : "")
          + (FORM_REF_BINDING_DEPLOYMENT.equals(binding) ? " " + deploymentId : "") + ")";
    }
  }

  /** Deployed forms never change; the bound keeps a long-running engine's memory flat. */
  private static final int MAX_ENTRIES = 2048;

  private final Map<String, FormSchema> byDefinitionId = new ConcurrentHashMap<>();
  private final Map<Reference, FormSchema> byStableReference = new ConcurrentHashMap<>();

  FormSchema schema(Reference reference) {
    FormSchema cached = reference.stable() ? byStableReference.get(reference) : null;
    if (cached != null) {
      return cached;
    }
    CommandContext commandContext = Context.getCommandContext();
    CamundaFormDefinitionEntity definition = commandContext.runWithoutAuthorization(() -> find(commandContext, reference));
    if (definition == null) {
      throw new FormUnavailableException("表单 " + reference + " 未部署，无法校验提交内容 / form " + reference
          + " is not deployed, the submission cannot be validated");
    }
    FormSchema schema = byDefinitionId.get(definition.getId());
    if (schema == null) {
      schema = parse(commandContext, definition);
      remember(byDefinitionId, definition.getId(), schema);
    }
    if (reference.stable()) {
      remember(byStableReference, reference, schema);
    }
    return schema;
  }

  private static CamundaFormDefinitionEntity find(CommandContext commandContext, Reference reference) {
    CamundaFormDefinitionManager manager = commandContext.getCamundaFormDefinitionManager();
    return switch (reference.binding()) {
      case FORM_REF_BINDING_DEPLOYMENT -> manager.findDefinitionByDeploymentAndKey(reference.deploymentId(), reference.key());
      case FORM_REF_BINDING_VERSION -> manager.findDefinitionByKeyVersionAndTenantId(reference.key(), reference.version(), null);
      default -> manager.findLatestDefinitionByKey(reference.key());
    };
  }

  private static FormSchema parse(CommandContext commandContext, CamundaFormDefinitionEntity definition) {
    ResourceEntity resource = commandContext.runWithoutAuthorization(() -> commandContext.getResourceManager()
        .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName()));
    if (resource == null || resource.getBytes() == null) {
      throw new FormUnavailableException("表单 " + definition.getKey() + " 的文件 " + definition.getResourceName()
          + " 不存在 / the file of form " + definition.getKey() + " is missing");
    }
    try {
      FormSchema schema = FormSchemaParser.parse(resource.getBytes());
      // the engine derives the key from the form's id; keep the key even if a file has no id
      return schema.id() != null ? schema : new FormSchema(definition.getKey(), schema.components(), schema.constrained(), schema.variables());
    } catch (IllegalArgumentException e) {
      throw new FormUnavailableException("表单 " + definition.getKey() + " 无法读取 / form " + definition.getKey()
          + " cannot be read: " + e.getMessage());
    }
  }

  private static <K> void remember(Map<K, FormSchema> cache, K key, FormSchema schema) {
    if (cache.size() >= MAX_ENTRIES) {
      cache.clear();
    }
    cache.put(key, schema);
  }

  int size() {
    return byDefinitionId.size();
  }
}
