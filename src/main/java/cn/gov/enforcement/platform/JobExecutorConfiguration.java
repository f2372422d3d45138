package cn.gov.enforcement.platform;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.NotifyAcquisitionRejectedJobsHandler;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultJobConfiguration.JobConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;

/**
 * The job executor of the starter ({@code camunda.bpm.job-execution.*} applied the same way),
 * as a {@link QueueAwareJobExecutor}; the starter's own bean steps back (it is conditional on no
 * other {@link JobExecutor}). Only where jobs are executed, like the starter's task executor it needs
 * (the tests switch job execution off and get the starter's beans, unchanged).
 */
@Configuration(proxyBeanMethods = false)
public class JobExecutorConfiguration {

  @Bean
  @ConditionalOnProperty(prefix = "camunda.bpm.job-execution", name = "enabled", havingValue = "true", matchIfMissing = true)
  static JobExecutor jobExecutor(@Qualifier(JobConfiguration.CAMUNDA_TASK_EXECUTOR_QUALIFIER) TaskExecutor taskExecutor,
      CamundaBpmProperties properties) {
    QueueAwareJobExecutor executor = new QueueAwareJobExecutor();
    executor.setTaskExecutor(taskExecutor);
    executor.setRejectedJobsHandler(new NotifyAcquisitionRejectedJobsHandler());
    JobExecutionProperty settings = properties.getJobExecution();
    if (settings.getLockTimeInMillis() != null) executor.setLockTimeInMillis(settings.getLockTimeInMillis());
    if (settings.getMaxJobsPerAcquisition() != null) executor.setMaxJobsPerAcquisition(settings.getMaxJobsPerAcquisition());
    if (settings.getWaitTimeInMillis() != null) executor.setWaitTimeInMillis(settings.getWaitTimeInMillis());
    if (settings.getMaxWait() != null) executor.setMaxWait(settings.getMaxWait());
    if (settings.getBackoffTimeInMillis() != null) executor.setBackoffTimeInMillis(settings.getBackoffTimeInMillis());
    if (settings.getMaxBackoff() != null) executor.setMaxBackoff(settings.getMaxBackoff());
    if (settings.getBackoffDecreaseThreshold() != null) {
      executor.setBackoffDecreaseThreshold(settings.getBackoffDecreaseThreshold());
    }
    if (settings.getWaitIncreaseFactor() != null) executor.setWaitIncreaseFactor(settings.getWaitIncreaseFactor());
    return executor;
  }
}
