package cn.gov.enforcement.casefile;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(CaseFileProperties.class)
class CaseFileConfiguration {}
