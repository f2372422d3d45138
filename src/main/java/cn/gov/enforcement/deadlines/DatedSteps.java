package cn.gov.enforcement.deadlines;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One procedure's dated steps (PER-06), declared once per process as a constant:
 * <ul>
 *   <li>{@code stampedAtTask}: the dates the system witnesses — task key → the variables that get
 *       the server's date (Asia/Shanghai, engine clock) when that task completes; for a step
 *       without a person's form (a start event, a registration service task) the activity id, with
 *       {@code ${stepDates}} as its {@code end} execution listener. These are not
 *       form fields, so a submission that carries one is refused as "not a field of this form";
 *       {@link #stampedNames()} is the list a guard of server-written variables can join;</li>
 *   <li>{@code outsideDates}: dates of outside events, typed and checked ({@link OutsideDate}).</li>
 * </ul>
 */
public record DatedSteps(String processKey, Map<String, List<String>> stampedAtTask, List<OutsideDate> outsideDates) {

  public DatedSteps {
    stampedAtTask = Map.copyOf(stampedAtTask);
    outsideDates = List.copyOf(outsideDates);
  }

  /** Every server-stamped date variable of this process. */
  public Set<String> stampedNames() {
    Set<String> names = new LinkedHashSet<>();
    stampedAtTask.values().forEach(names::addAll);
    return names;
  }
}
