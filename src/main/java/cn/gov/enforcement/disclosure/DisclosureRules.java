package cn.gov.enforcement.disclosure;

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

  private final int naturalPersonMonths;
  private final int otherMonths;

  public DisclosureRules(@Value("${disclosure-rules.natural-person-months:24}") int naturalPersonMonths,
      @Value("${disclosure-rules.other-months:60}") int otherMonths) {
    this.naturalPersonMonths = naturalPersonMonths;
    this.otherMonths = otherMonths;
  }

  /** Months a result stays published for a party of this type. */
  public int publicationMonths(Object partyType) {
    return NATURAL_PERSON.equals(String.valueOf(partyType)) ? naturalPersonMonths : otherMonths;
  }
}
