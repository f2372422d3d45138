package cn.gov.enforcement.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;

/**
 * The engine guard reads the commands' input from protected fields; this pins their names against
 * the engine version in use (a rename would make the guard refuse the command, fail-closed).
 */
class EngineGuardInterceptorTest {

  @ParameterizedTest(name = "{0}.{1}")
  @CsvSource({
      "SaveFilterCmd, filter", "AbstractExecuteFilterCmd, extendingQuery", "AbstractExecuteFilterCmd, filterId",
      "StartProcessInstanceCmd, instantiationBuilder", "StartProcessInstanceAtActivitiesCmd, instantiationBuilder",
      "SubmitStartFormCmd, variables", "CompleteTaskCmd, variables", "CompleteTaskCmd, taskId",
      "SubmitTaskFormCmd, properties", "AbstractSetVariableCmd, variables", "AbstractPatchVariablesCmd, variables",
      "AbstractCorrelateMessageCmd, builder", "MessageEventReceivedCmd, processVariables",
      "MessageEventReceivedCmd, processVariablesLocal", "MessageEventReceivedCmd, processVariablesToTriggeredScope",
      "SignalCmd, processVariables", "SignalEventReceivedCmd, builder", "CompleteExternalTaskCmd, variables",
      "CompleteExternalTaskCmd, localVariables", "DeleteMembershipCmd, userId", "DeleteMembershipCmd, groupId",
      "DeleteUserCmd, userId", "DeleteGroupCmd, groupId", "DeployCmd, deploymentBuilder",
      "SubmitTaskFormCmd, taskId", "AbstractPatchVariablesCmd, deletions", "AbstractRemoveVariableCmd, variableNames"})
  @DisplayName("引擎守卫读取的命令字段在当前引擎版本中存在 / the command fields the guard reads exist in this engine version")
  void commandFieldsExist(String command, String field) throws Exception {
    Class<?> type = Class.forName("org.camunda.bpm.engine.impl.cmd." + command);
    assertThat(type.getDeclaredField(field)).isNotNull();
  }
}
