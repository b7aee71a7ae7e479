package io.nextbox.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs, and asynchronous listeners: an {@code @ApplicationModuleListener} runs on Boot's task executor after
 * the publishing transaction commits, so that a listener that fails never answers a saved change with an error.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableAsync
class SchedulingConfiguration {

}
