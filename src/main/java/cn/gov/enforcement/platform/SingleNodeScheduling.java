package cn.gov.enforcement.platform;

import java.lang.reflect.Method;
import java.net.InetAddress;
import java.time.Duration;
import java.util.UUID;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.AbstractAdvisingBeanPostProcessor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.StringUtils;

/**
 * Every {@code @Scheduled} method of the application (the fixity check, the disposal scan) runs on
 * one node of the cluster per cycle, not on each: Spring's scheduler knows nothing of other nodes,
 * so with two nodes both would re-hash every original and both could start a disposal review for
 * the same recording. Before each run the node takes the method's {@link ClusterLease} for 90% of
 * the method's interval; a node that does not get it skips the run. The node that ran last keeps
 * the cycle (its next run comes a full interval later, after its lease ended); another node takes
 * over when it stops. Timers of the models are the engine's jobs and need none of this.
 *
 * <p>A bean post-processor that wraps those beans before Spring's scheduling sees them (it runs
 * before {@code ScheduledAnnotationBeanPostProcessor}), so the scheduler calls the wrapped method.
 */
public class SingleNodeScheduling extends AbstractAdvisingBeanPostProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(SingleNodeScheduling.class);

  private final String node;

  public SingleNodeScheduling(ObjectProvider<ProcessEngine> engine, Environment environment) {
    this.node = nodeName();
    this.advisor = new DefaultPointcutAdvisor(AnnotationMatchingPointcut.forMethodAnnotation(Scheduled.class),
        new LeaseInterceptor(engine, environment, node));
    setProxyTargetClass(true);
    setBeforeExistingAdvisors(true);
    setOrder(Ordered.LOWEST_PRECEDENCE - 10);
  }

  String node() {
    return node;
  }

  private static String nodeName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "node";
    }
    return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static final class LeaseInterceptor implements MethodInterceptor {
    private final ObjectProvider<ProcessEngine> engine;
    private final Environment environment;
    private final String node;
    private volatile ClusterLease lease;

    LeaseInterceptor(ObjectProvider<ProcessEngine> engine, Environment environment, String node) {
      this.engine = engine;
      this.environment = environment;
      this.node = node;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
      Method method = invocation.getMethod();
      Scheduled scheduled = method.getAnnotation(Scheduled.class);
      Class<?> type = invocation.getThis() == null ? method.getDeclaringClass() : invocation.getThis().getClass();
      String name = type.getSimpleName() + "#" + method.getName();
      Duration interval = interval(scheduled);
      Duration length = interval.multipliedBy(9).dividedBy(10);
      if (!lease().tryAcquire(name, length)) {
        LOG.debug("{} skipped on {}: another node ran it within the last {}", name, node, length);
        return null;
      }
      return invocation.proceed();
    }

    private ClusterLease lease() {
      if (lease == null) {
        lease = new ClusterLease(
            (ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration(), node);
      }
      return lease;
    }

    private Duration interval(Scheduled scheduled) {
      String text = StringUtils.hasText(scheduled.fixedDelayString()) ? scheduled.fixedDelayString()
          : StringUtils.hasText(scheduled.fixedRateString()) ? scheduled.fixedRateString() : null;
      if (text != null) {
        String value = environment.resolveRequiredPlaceholders(text).trim();
        return value.startsWith("P") || value.startsWith("p") ? Duration.parse(value)
            : Duration.of(Long.parseLong(value), scheduled.timeUnit().toChronoUnit());
      }
      long amount = scheduled.fixedDelay() >= 0 ? scheduled.fixedDelay() : scheduled.fixedRate();
      if (amount > 0) {
        return Duration.of(amount, scheduled.timeUnit().toChronoUnit());
      }
      throw new IllegalStateException("@Scheduled without a fixed interval (a cron?) has no lease length: "
          + "give it fixedDelay or fixedRate, or a lease of its own");
    }
  }
}
