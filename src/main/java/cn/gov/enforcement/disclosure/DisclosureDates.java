package cn.gov.enforcement.disclosure;

import cn.gov.enforcement.deadlines.DatedSteps;
import cn.gov.enforcement.deadlines.OutsideDate;
import java.util.List;
import java.util.Map;

/** PER-06 for {@code disclosure}: the dates the server writes and the outside dates a person types. */
public final class DisclosureDates {

  private DisclosureDates() {}

  public static final DatedSteps STEPS = new DatedSteps("disclosure",
      Map.of(),
      List.<OutsideDate>of());
}
