package cn.gov.enforcement.decision;

import cn.gov.enforcement.deadlines.DatedSteps;
import cn.gov.enforcement.deadlines.OutsideDate;
import java.util.List;
import java.util.Map;

/** PER-06 for {@code major-decision}: the dates the server writes and the outside dates a person types. */
public final class DecisionDates {

  private DecisionDates() {}

  public static final DatedSteps STEPS = new DatedSteps("major-decision",
      Map.of(),
      List.<OutsideDate>of());
}
