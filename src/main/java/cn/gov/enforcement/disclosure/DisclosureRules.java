package cn.gov.enforcement.disclosure;

import cn.gov.enforcement.calendar.BeijingTime;
import cn.gov.enforcement.calendar.Periods;
import java.time.LocalDate;
import java.util.Date;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The {@code disclosureRules} bean for BPMN expressions (PUB-04, YX 公示制度 第十一条): a published
 * result is withdrawn after 5 years, or after 2 years when the party is a natural person. The
 * periods are configuration so an agency's own rule is an override, not a code change.
 */
@Component("disclosureRules")
public class DisclosureRules {

  static final String NATURAL_PERSON = "NATURAL_PERSON";
  /** Penalty and licensing decisions are published within 7 working days of the decision (PUB-02, G118). */
  static final Set<String> SEVEN_WORKING_DAYS = Set.of("PENALTY", "LICENSING");
  static final int PUBLICATION_WORKING_DAYS = 7;

  private final Periods periods;
  private final int naturalPersonMonths;
  private final int otherMonths;

  public DisclosureRules(Periods periods, @Value("${disclosure-rules.natural-person-months:24}") int naturalPersonMonths,
      @Value("${disclosure-rules.other-months:60}") int otherMonths) {
    this.periods = periods;
    this.naturalPersonMonths = naturalPersonMonths;
    this.otherMonths = otherMonths;
  }

  /**
   * The due date of the publication tasks, in their model ({@code dueDate="${disclosureRules.publicationDue(…)}"})
   * so that an entered holiday notice recomputes it (PER-05); coercion and inspection results have
   * no statutory day, so their tasks carry none.
   */
  public Date publicationDue(Object disclosureType, Object decidedOn) {
    return SEVEN_WORKING_DAYS.contains(String.valueOf(disclosureType))
        ? periods.endOfWorkingDays(decidedOn, PUBLICATION_WORKING_DAYS) : null;
  }

  /**
   * When the withdrawal falls due: 24:00 Beijing time of the day {@link #publicationMonths} months
   * after publication. Deliberately not extended past rest days (PER-02 protects a party's
   * periods; this is the bureau's own housekeeping), which also keeps the date computable years
   * ahead, where the holiday calendar has no data yet (PER-05).
   */
  public Date withdrawalDue(Object publishedOn, Object partyType) {
    LocalDate day = LocalDate.parse(String.valueOf(publishedOn).trim().substring(0, 10));
    return Date.from(BeijingTime.endOfDay(day.plusMonths(publicationMonths(partyType))).toInstant());
  }

  /** Months a result stays published for a party of this type. */
  public int publicationMonths(Object partyType) {
    return NATURAL_PERSON.equals(String.valueOf(partyType)) ? naturalPersonMonths : otherMonths;
  }
}
