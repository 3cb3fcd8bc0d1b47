package org.pmo.servicelifecycle.engine;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param baselineProcesses processes besides the lifecycle that people may start and work on, without forms: none in
 * production; the benchmark sets its bare baseline process here
 */
@ConfigurationProperties("pmo.engine")
record EngineSettings(@DefaultValue Set<String> baselineProcesses) {
}
