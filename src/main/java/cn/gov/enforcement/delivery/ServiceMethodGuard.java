package cn.gov.enforcement.delivery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.stereotype.Component;

/**
 * 核验送达方式 — runs before every attempt (at the start and after each failed attempt).
 *
 * <p>It keeps the list of attempted methods ({@code attemptedMethods}, comma-separated, because the
 * public-notice form shows it and a string needs no deserialisation) and refuses public-notice
 * service while no other attempt has failed (SVC-05): either an earlier attempt of this instance
 * failed (every earlier attempt did, or we would not be here again), or the starter recorded the
 * failed attempts made outside the system in {@code priorFailedAttempts}. The refusal is a
 * {@link NotValidException}, so REST answers 400 and nothing is started or completed.
 */
@Component("serviceMethodGuard")
public class ServiceMethodGuard implements JavaDelegate {

  private final ServiceRules serviceRules;

  public ServiceMethodGuard(ServiceRules serviceRules) {
    this.serviceRules = serviceRules;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ServiceMethod method = ServiceMethod.of(execution.getVariable("method")).orElseThrow(() -> new NotValidException(
        "送达方式 method 须为 DIRECT、LODGED、MAIL、ENTRUSTED 或 PUBLIC_NOTICE / method must be one of the contract's values, was "
            + execution.getVariable("method")));
    List<String> attempted = attempted(execution.getVariable("attemptedMethods"));
    if (method == ServiceMethod.PUBLIC_NOTICE && attempted.isEmpty() && isBlank(execution.getVariable("priorFailedAttempts"))) {
      throw new NotValidException("公告送达须在其他送达方式均未能送达后采用，请先记录已失败的送达情况（priorFailedAttempts） / "
          + "public-notice service needs recorded failed attempts by other methods (SVC-05)");
    }
    attempted.add(method.name());
    execution.setVariable("attemptedMethods", String.join(",", attempted));
    // defaults the model's expressions read, so a caller need not pass them
    setIfAbsent(execution, "serviceExemption", "NONE");
    setIfAbsent(execution, "serviceDue", null);
    execution.setVariable("publicNoticeDays", serviceRules.getPublicNoticeDays());
  }

  static List<String> attempted(Object value) {
    List<String> list = new ArrayList<>();
    if (value != null && !value.toString().isBlank()) {
      Arrays.stream(value.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(list::add);
    }
    return list;
  }

  private static void setIfAbsent(DelegateExecution execution, String name, Object value) {
    if (!execution.hasVariable(name)) {
      execution.setVariable(name, value);
    }
  }

  private static boolean isBlank(Object value) {
    return value == null || value.toString().isBlank();
  }
}
