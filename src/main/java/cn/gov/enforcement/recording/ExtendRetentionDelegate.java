package cn.gov.enforcement.recording;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * recording-disposal, Task_ExtendRetention: a recording that is kept (legal hold, records office or
 * section head said keep) gets another minimum period, recorded as a new classification row.
 */
@Component("extendRetention")
public class ExtendRetentionDelegate implements JavaDelegate {

  private final RecordingRepository repository;
  private final RetentionClassifier classifier;
  private final IdentityService identityService;

  public ExtendRetentionDelegate(RecordingRepository repository, RetentionClassifier classifier,
      IdentityService identityService) {
    this.repository = repository;
    this.classifier = classifier;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Recording recording = repository.find((String) execution.getVariable("recordingId")).orElseThrow();
    Authentication authentication = identityService.getCurrentAuthentication();
    String actor = authentication == null ? "system" : authentication.getUserId();
    String reason = Boolean.TRUE.equals(execution.getVariable("legalHold"))
        ? "legal hold: " + execution.getVariable("legalHoldReason")
        : "kept after disposal review: " + execution.getVariable("reviewOpinion")
            + (execution.getVariable("approvalOpinion") == null ? "" : " / " + execution.getVariable("approvalOpinion"));
    classifier.extend(recording, actor, reason);
  }
}
