package cn.gov.enforcement.platform;

/**
 * The task-local boolean variables that mark a task's deadline (contract.md "Deadlines"), declared once:
 * the engine's listeners here write {@link #PROVISIONAL}, the deadline sweep writes {@link #SOON} and
 * {@link #OVERDUE}, and Tasklist's 即将到期 filter and the deadline board query them by these names.
 */
public final class TaskDeadlineMarks {

  /** The task's last day is within its warning period (set by the sweep, PER-04). */
  public static final String SOON = "deadlineSoon";
  /** The task's due instant has passed (set by the sweep). */
  public static final String OVERDUE = "overdue";
  /** The due date was computed on the provisional calendar of an unannounced year (PER-05). */
  public static final String PROVISIONAL = "dueProvisional";

  private TaskDeadlineMarks() {}
}
