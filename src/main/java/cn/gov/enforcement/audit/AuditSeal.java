package cn.gov.enforcement.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** At start: seals rows stored before row digests existed, once (see {@link AuditLog#sealLegacyRows()}). */
@Component
public class AuditSeal {

  private static final Logger LOG = LoggerFactory.getLogger(AuditSeal.class);

  private final AuditLog auditLog;

  public AuditSeal(AuditLog auditLog) {
    this.auditLog = auditLog;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void sealOnce() {
    int sealed = auditLog.sealLegacyRows();
    if (sealed > 0) {
      LOG.info("sealed {} recordings and grants stored before row digests into the audit chain", sealed);
    }
  }
}
