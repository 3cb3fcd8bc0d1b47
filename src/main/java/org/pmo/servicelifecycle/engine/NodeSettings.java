package org.pmo.servicelifecycle.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param nodeName {@code NODE_NAME}: this node's name in the job locks and the engine's host name, when several run */
@ConfigurationProperties("pmo")
record NodeSettings(String nodeName) {
}
