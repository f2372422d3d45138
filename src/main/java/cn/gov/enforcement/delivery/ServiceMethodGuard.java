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
 * public-notice form shows it and a string needs no deserialisation), appends each failure to
 * {@code failedAttemptsRecord}, and refuses public-notice service until every other applicable
 * method has failed in this instance or is shown inapplicable ({@link PublicNoticePrerequisites},
 * SVC-05; issue 14 item 5 — one failed attempt or a note made outside the system, as before, is not
 * enough). The grounds are kept as {@code publicNoticeGrounds}. The refusal is a
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
    ServiceMethod method = ServiceMethod.of(DocumentServiceModel.METHOD.get(execution)).orElseThrow(() -> new NotValidException(
        "送达方式 method 须为 DIRECT、LODGED、MAIL、ENTRUSTED 或 PUBLIC_NOTICE / method must be one of the contract's values, was "
            + DocumentServiceModel.METHOD.get(execution)));
    List<String> attempted = attempted(DocumentServiceModel.ATTEMPTED_METHODS.get(execution));
    if (!attempted.isEmpty()) {
      // each failed attempt is recorded in the instance with what the officer wrote about it
      String failure = DocumentServiceModel.FAILURE_RECORD.isSet(execution) ? String.valueOf(DocumentServiceModel.FAILURE_RECORD.get(execution)) : "";
      String log = DocumentServiceModel.FAILED_ATTEMPTS_RECORD.isSet(execution) ? String.valueOf(DocumentServiceModel.FAILED_ATTEMPTS_RECORD.get(execution)) : "";
      DocumentServiceModel.FAILED_ATTEMPTS_RECORD.set(execution, (log.isEmpty() ? "" : log + "\n")
          + attempted.get(attempted.size() - 1) + "：" + failure);
    }
    if (method == ServiceMethod.PUBLIC_NOTICE) {
      List<PublicNoticePrerequisites.Missing> missing = PublicNoticePrerequisites.missing(attempted, execution::getVariable);
      if (!missing.isEmpty()) {
        throw new NotValidException(missing.stream().map(m -> m.chinese()).reduce((a, b) -> a + "；" + b).orElseThrow()
            + " / " + missing.stream().map(m -> m.english()).reduce((a, b) -> a + "; " + b).orElseThrow());
      }
      DocumentServiceModel.PUBLIC_NOTICE_GROUNDS.set(execution, PublicNoticePrerequisites.record(attempted, execution::getVariable));
    }
    attempted.add(method.name());
    DocumentServiceModel.ATTEMPTED_METHODS.set(execution, String.join(",", attempted));
    // defaults the model's expressions read, so a caller need not pass them
    setIfAbsent(execution, "serviceExemption", "NONE");
    setIfAbsent(execution, "serviceDue", null);
    DocumentServiceModel.PUBLIC_NOTICE_DAYS.set(execution, serviceRules.getPublicNoticeDays());
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
