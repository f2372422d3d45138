package cn.gov.enforcement.recording;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** After a crash: partial uploads and originals whose row never committed are removed before work starts. */
@Component
public class StartupSweep {

  private static final Logger LOG = LoggerFactory.getLogger(StartupSweep.class);

  private final RecordingStorage storage;
  private final RecordingRepository repository;

  public StartupSweep(RecordingStorage storage, RecordingRepository repository) {
    this.storage = storage;
    this.repository = repository;
  }

  @EventListener(ApplicationReadyEvent.class)
  public int sweep() {
    int removed = storage.sweep(repository::exists);
    if (removed > 0) {
      LOG.warn("startup sweep removed {} leftover(s) of interrupted uploads", removed);
    }
    return removed;
  }
}
