package cn.gov.enforcement.recording;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(RecordingProperties.class)
class RecordingConfiguration {}
