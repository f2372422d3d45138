package cn.gov.enforcement.delivery;

import cn.gov.enforcement.deadlines.DatedSteps;
import cn.gov.enforcement.deadlines.OutsideDate;
import java.util.List;
import java.util.Map;

/**
 * PER-06 for {@code document-service}: the server writes the day the service was requested; every
 * other date is an outside event the officer types (personal, lodged or entrusted service, the
 * refusal, the posting, the return card, the public notice's publication), checked against the
 * request day and the earlier attempt's dates.
 */
public final class ServiceDates {

  private ServiceDates() {}

  private static final List<String> REQUESTED = List.of("serviceRequestedOn");

  public static final DatedSteps STEPS = new DatedSteps("document-service",
      Map.of("Event_ServiceRequested", List.of("serviceRequestedOn")),
      List.of(
          new OutsideDate("service-direct", "Task_ServeDirectly", "serviceDate", "送达日期", REQUESTED),
          new OutsideDate("service-lodged", "Task_ServeLodged", "refusalDate", "拒收日期", REQUESTED),
          new OutsideDate("service-lodged", "Task_ServeLodged", "serviceDate", "送达日期",
              List.of("serviceRequestedOn", "refusalDate")),
          new OutsideDate("service-entrusted", "Task_ServeEntrusted", "serviceDate", "送达日期", REQUESTED),
          new OutsideDate("service-mail", "Task_PostDocument", "postedOn", "交邮日期", REQUESTED),
          new OutsideDate("service-return-card", "Task_RecordReturnCard", "serviceDate", "回执签收日期",
              List.of("serviceRequestedOn", "postedOn")),
          new OutsideDate("service-public-notice", "Task_PublishNotice", "publishedOn", "公告发布日期", REQUESTED)));
}
