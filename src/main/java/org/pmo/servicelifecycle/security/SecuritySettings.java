package org.pmo.servicelifecycle.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param secureCookies {@code SECURE_COOKIES}: session and CSRF cookies over HTTPS only
 * @param hstsDisabled {@code HSTS_DISABLED}: no Strict-Transport-Security header
 * @param queryMaxResults {@code QUERY_MAX_RESULTS}: the most rows one query of the REST API or the webapps returns
 */
@ConfigurationProperties("pmo.security")
record SecuritySettings(boolean secureCookies, @DefaultValue("true") boolean hstsDisabled,
		@DefaultValue("2000") int queryMaxResults) {
}
