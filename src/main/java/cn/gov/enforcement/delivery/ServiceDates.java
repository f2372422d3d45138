package cn.gov.enforcement.delivery;

import cn.gov.enforcement.deadlines.DatedSteps;
import cn.gov.enforcement.deadlines.OutsideDate;
import java.util.List;
import java.util.Map;

/** PER-06 for {@code document-service}: the dates the server writes and the outside dates a person types. */
public final class ServiceDates {

  private ServiceDates() {}

  public static final DatedSteps STEPS = new DatedSteps("document-service",
      Map.of(),
      List.<OutsideDate>of());
}
