package cn.gov.enforcement.deadlines;

import cn.gov.enforcement.casework.CaseDates;
import cn.gov.enforcement.decision.DecisionDates;
import cn.gov.enforcement.delivery.ServiceDates;
import cn.gov.enforcement.disclosure.DisclosureDates;
import java.util.List;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes one {@link OutsideDateRule} bean per declared outside date, so the form rules and the
 * 补录 marks of {@link StepDatesListener} come from the same constants.
 */
@Configuration(proxyBeanMethods = false)
public class DatedStepsConfiguration {

  /** Every procedure's dated steps: one constant per process. */
  public static final List<DatedSteps> ALL =
      List.of(CaseDates.STEPS, DecisionDates.STEPS, ServiceDates.STEPS, DisclosureDates.STEPS);

  @Bean
  static BeanDefinitionRegistryPostProcessor outsideDateRules() {
    return registry -> {
      for (DatedSteps steps : ALL) {
        for (OutsideDate date : steps.outsideDates()) {
          registry.registerBeanDefinition("outsideDateRule." + date.formId() + "." + date.field(),
              BeanDefinitionBuilder.genericBeanDefinition(OutsideDateRule.class)
                  .addConstructorArgValue(date)
                  .addConstructorArgReference("lateEntryPolicy")
                  .getBeanDefinition());
        }
      }
    };
  }
}
