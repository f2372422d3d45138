package cn.gov.enforcement.inspection;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(InspectionProperties.class)
class InspectionConfiguration {}
