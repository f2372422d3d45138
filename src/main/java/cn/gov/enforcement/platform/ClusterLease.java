package cn.gov.enforcement.platform;

import java.time.Duration;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lease that at most one node of the cluster holds at a time, kept in the engine's property
 * table ({@code ACT_GE_PROPERTY}, name {@code lease.<name>}, value "expiry millis|node"): taking it
 * is a compare-and-set on the row's revision, so of two nodes that try at once one wins and the
 * other's update finds a newer revision (OptimisticLockingException). Expiry is the nodes' wall clock (not the engine clock tests move), so the nodes'
 * clocks must agree (NTP) to well within a lease.
 */
public final class ClusterLease {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterLease.class);
  static final String PREFIX = "lease.";

  private final ProcessEngineConfigurationImpl configuration;
  private final String node;

  public ClusterLease(ProcessEngineConfigurationImpl configuration, String node) {
    this.configuration = configuration;
    this.node = node;
  }

  /** True when this node now holds {@code name} for {@code length}; false when another node holds it. */
  public boolean tryAcquire(String name, Duration length) {
    try {
      return configuration.getCommandExecutorTxRequiresNew().execute(new Acquire(PREFIX + name, length.toMillis(), node));
    } catch (OptimisticLockingException e) {
      return false;
    } catch (ProcessEngineException e) {
      // the database unreachable or the like: skip this run, the next cycle tries again
      LOG.warn("lease {} not taken by {}: {}", name, node, e.getMessage());
      return false;
    }
  }

  private record Acquire(String property, long millis, String node) implements Command<Boolean> {
    @Override
    public Boolean execute(CommandContext context) {
      long now = System.currentTimeMillis();
      String value = (now + millis) + "|" + node;
      PropertyEntity lease = context.getPropertyManager().findPropertyById(property);
      if (lease == null) {
        // the very first lease: two nodes inserting it at once would meet on the key (a persistence
        // error); the engine's deployment lock (SELECT … FOR UPDATE) makes the second wait and find it
        context.getPropertyManager().acquireExclusiveLock();
        lease = context.getPropertyManager().findPropertyById(property);
        if (lease == null) {
          context.getDbEntityManager().insert(new PropertyEntity(property, value));
          return true;
        }
      }
      String current = lease.getValue();
      int bar = current == null ? -1 : current.indexOf('|');
      long expiry = bar < 0 ? 0 : Long.parseLong(current.substring(0, bar));
      if (expiry > now) {
        return false;
      }
      lease.setValue(value); // flushed as UPDATE … WHERE REV_ = read revision: the compare-and-set
      return true;
    }
  }
}
