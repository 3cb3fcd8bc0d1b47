package org.pmo.servicelifecycle.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param enabled demo users and the demo catalog at start-up (the embedded default only) */
@ConfigurationProperties("pmo.demo")
record DemoSettings(boolean enabled) {
}
