package cn.gov.enforcement.delivery;

import cn.gov.enforcement.calendar.BeijingTime;
import cn.gov.enforcement.calendar.Periods;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.stereotype.Component;

/**
 * 登记送达日期 — the one place the service date is settled, because the caller's later periods
 * (compliance, review, litigation) run from it (SVC-06) and it leaves through the call activity's
 * out mapping as {@code serviceDate} ({@code yyyy-MM-dd}).
 *
 * <p>For personal, lodged, entrusted and mail service the officer entered the date on the form
 * (for mail: the date on the return card, SVC-03). For public notice it is the last day of the
 * notice period, i.e. the day at whose end the deemed-served timer fired (SVC-05).
 */
@Component("serviceDateRecorder")
public class ServiceDateRecorder implements JavaDelegate {

  private final Periods periods;
  private final ServiceRules serviceRules;

  public ServiceDateRecorder(Periods periods, ServiceRules serviceRules) {
    this.periods = periods;
    this.serviceRules = serviceRules;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ServiceMethod method = ServiceMethod.of(DocumentServiceModel.METHOD.get(execution)).orElseThrow();
    if (method == ServiceMethod.DIRECT && Boolean.TRUE.equals(DocumentServiceModel.RECIPIENT_REFUSED.get(execution))) {
      method = ServiceMethod.LODGED;
    }
    if (method == ServiceMethod.PUBLIC_NOTICE) {
      Date deemedServedAt = periods.endOfDays(DocumentServiceModel.PUBLISHED_ON.get(execution), serviceRules.getPublicNoticeDays(), "PARTY");
      // the timer fires at 24:00 of the last day; that last day is the service date
      LocalDate lastDay = deemedServedAt.toInstant().minusMillis(1).atZone(BeijingTime.ZONE).toLocalDate();
      DocumentServiceModel.SERVICE_DATE.set(execution, lastDay.toString());
    } else if (DocumentServiceModel.SERVICE_DATE.get(execution) == null || DocumentServiceModel.SERVICE_DATE.get(execution).toString().isBlank()) {
      throw new NotValidException("送达日期 serviceDate 未填写 / the service date is missing (SVC-06)");
    }
    DocumentServiceModel.SERVICE_METHOD_USED.set(execution, method.name());
  }

}
