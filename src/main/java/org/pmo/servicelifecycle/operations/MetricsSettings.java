package org.pmo.servicelifecycle.operations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param freshness how long a computed domain metric is served before it is computed again */
@ConfigurationProperties("pmo.metrics")
record MetricsSettings(@DefaultValue("PT10S") Duration freshness) {
}
