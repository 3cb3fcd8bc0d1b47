package org.pmo.servicelifecycle.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The administrator the application keeps in {@code camunda-admin}; none when the password is not set.
 *
 * @param user {@code ADMIN_USER}
 * @param password {@code ADMIN_PASSWORD}, never defaulted
 * @param required true where the start must stop without them (profile {@code postgres})
 */
@ConfigurationProperties("pmo.admin")
public record AdminSettings(String user, String password, boolean required) {
}
