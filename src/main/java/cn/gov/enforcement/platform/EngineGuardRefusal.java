package cn.gov.enforcement.platform;

/**
 * A refusal by one of the engine guards of this package, with the application's error code and a
 * message in Chinese and English. The REST layer answers {@link #status()} with
 * {@code {"error": code, "message": …}} ({@link EngineGuardRestConfiguration}).
 */
public interface EngineGuardRefusal {

  int status();

  String code();

  String getMessage();

  /** The first guard refusal in a cause chain (the engine wraps what listeners throw), or null. */
  static RuntimeException find(Throwable throwable) {
    Throwable current = throwable;
    for (int depth = 0; current != null && depth < 16; depth++) {
      if (current instanceof EngineGuardRefusal && current instanceof RuntimeException refusal) {
        return refusal;
      }
      current = current.getCause();
    }
    return null;
  }
}
