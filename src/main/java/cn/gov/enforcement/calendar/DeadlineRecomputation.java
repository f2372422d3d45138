package cn.gov.enforcement.calendar;

import java.util.Date;
import java.util.List;

/**
 * What has to happen when a year's notice is entered (PER-05): every open timer and task due date
 * that depends on that year is computed again from its model expression, each change is audited
 * old → new, and the {@code dueProvisional} marks that no longer apply go. Implemented inside the
 * engine (package platform); the calendar only calls it.
 */
public interface DeadlineRecomputation {

  /** One deadline looked at: a timer job, a task, or a due date handed to a called procedure (VARIABLE), its due date before and after, and whether it is still provisional. */
  record Change(String kind, String id, String activityId, String processInstanceId, Date before, Date after,
      boolean provisional) {

    public boolean moved() {
      return before == null ? after != null : !before.equals(after);
    }
  }

  /**
   * Told of every moved deadline inside the same transaction, for what keeps a copy of a due date
   * outside the model's expressions (e.g. a warning already issued about that task).
   */
  interface Listener {
    void moved(Change change);
  }

  /** Recomputes the deadlines that depend on {@code year}; {@code actor} entered the notice. */
  List<Change> recompute(int year, String actor, String notice);
}
