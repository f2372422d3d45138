package cn.gov.enforcement.disclosure;

import cn.gov.enforcement.deadlines.DatedSteps;
import cn.gov.enforcement.deadlines.OutsideDate;
import java.util.List;
import java.util.Map;

/**
 * PER-06 for {@code disclosure}: every date of this procedure is a step done in the system, so the
 * server writes them all: registration, publication (from which the PUB-04 period runs) and
 * withdrawal. The names carry the prefix {@code disclosure} because {@code publishedOn} is
 * document-service's typed date of a public notice, an outside date.
 */
public final class DisclosureDates {

  private DisclosureDates() {}

  public static final DatedSteps STEPS = new DatedSteps(DisclosureModel.PROCESS_KEY,
      Map.of(
          DisclosureModel.TASK_REGISTER_DISCLOSURE, List.of("disclosureRegisteredOn"),
          DisclosureModel.TASK_PUBLISH_RESULT, List.of("disclosurePublishedOn"),
          DisclosureModel.TASK_WITHDRAW_PUBLICATION, List.of("disclosureWithdrawnOn"),
          DisclosureModel.TASK_WITHDRAW_REVOKED, List.of("disclosureWithdrawnOn")),
      List.<OutsideDate>of());
}
