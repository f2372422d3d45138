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

  public static final DatedSteps STEPS = new DatedSteps(DocumentServiceModel.PROCESS_KEY,
      Map.of(DocumentServiceModel.EVENT_SERVICE_REQUESTED, List.of("serviceRequestedOn")),
      List.of(
          new OutsideDate("service-direct", DocumentServiceModel.TASK_SERVE_DIRECTLY, "serviceDate", "送达日期", REQUESTED),
          new OutsideDate("service-lodged", DocumentServiceModel.TASK_SERVE_LODGED, "refusalDate", "拒收日期", REQUESTED),
          new OutsideDate("service-lodged", DocumentServiceModel.TASK_SERVE_LODGED, "serviceDate", "送达日期",
              List.of("serviceRequestedOn", "refusalDate")),
          new OutsideDate("service-entrusted", DocumentServiceModel.TASK_SERVE_ENTRUSTED, "serviceDate", "送达日期", REQUESTED),
          new OutsideDate("service-mail", DocumentServiceModel.TASK_POST_DOCUMENT, "postedOn", "交邮日期", REQUESTED),
          new OutsideDate("service-return-card", DocumentServiceModel.TASK_RECORD_RETURN_CARD, "serviceDate", "回执签收日期",
              List.of("serviceRequestedOn", "postedOn")),
          new OutsideDate("service-public-notice", DocumentServiceModel.TASK_PUBLISH_NOTICE, "publishedOn", "公告发布日期", REQUESTED)));
}
