package cn.gov.enforcement.recording;

import cn.gov.enforcement.identity.SystemActions;
import cn.gov.enforcement.platform.EngineClock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * RET-06: nothing is deleted automatically. When a recording's retention period has ended, the scan
 * starts {@code recording-disposal} (business key = recording id) so the records office reviews it;
 * a recording with a running disposal procedure is not started twice.
 */
@Component
public class DisposalScan {

  public static final String PROCESS_KEY = "recording-disposal";
  private static final Logger LOG = LoggerFactory.getLogger(DisposalScan.class);

  private final RecordingRepository repository;
  private final RuntimeService runtimeService;
  private final SystemActions system;

  public DisposalScan(RecordingRepository repository, RuntimeService runtimeService, SystemActions system) {
    this.repository = repository;
    this.runtimeService = runtimeService;
    this.system = system;
  }

  @Scheduled(fixedDelayString = "${recording.disposal.scan-interval}", initialDelayString = "${recording.disposal.initial-delay}")
  public void scheduled() {
    Map<String, ProcessInstance> started = scan();
    if (!started.isEmpty()) {
      LOG.info("retention ended for {} recording(s): disposal reviews started", started.size());
    }
  }

  /** Starts a disposal review for each recording whose retention ended; recording id → the review started. */
  public Map<String, ProcessInstance> scan() {
    Map<String, ProcessInstance> started = new LinkedHashMap<>();
    for (String id : repository.dueForDisposal(EngineClock.now().toInstant())) {
      system.perform(() -> {
        boolean running = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
            .processInstanceBusinessKey(id).count() > 0;
        if (!running) {
          started.put(id, runtimeService.startProcessInstanceByKey(PROCESS_KEY, id,
              Variables.createVariables().putValue("recordingId", id)));
        }
      });
    }
    return started;
  }
}
