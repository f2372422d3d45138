package cn.gov.enforcement.calendar;

/**
 * A period cannot be computed from what it was given: a start day missing or not a date, a count
 * that is not a whole positive number, an unknown side. It is never a lack of calendar data (the
 * calendar does not refuse for that, PER-05). Inside a task completion or a start the form refusal
 * of package forms turns it into a 400 with {@link #chinese()} / {@link #english()}, worded for the
 * person who submitted the form.
 */
public class PeriodArgumentException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String argument;
  private final String chinese;
  private final String english;

  public PeriodArgumentException(String argument, String chinese, String english) {
    super(chinese + " / " + english);
    this.argument = argument;
    this.chinese = chinese;
    this.english = english;
  }

  /** The argument of the period ({@code start}, {@code days}, {@code date}, {@code months}, {@code side}). */
  public String argument() {
    return argument;
  }

  public String chinese() {
    return chinese;
  }

  public String english() {
    return english;
  }
}
