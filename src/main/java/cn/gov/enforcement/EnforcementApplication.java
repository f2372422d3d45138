package cn.gov.enforcement;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** 行政执法工作流: Camunda 7 engine, REST API, webapps and the evidence service in one application. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class EnforcementApplication {

  public static void main(String[] args) {
    SpringApplication.run(EnforcementApplication.class, args);
  }
}
