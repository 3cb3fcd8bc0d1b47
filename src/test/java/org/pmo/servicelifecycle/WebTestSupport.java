package org.pmo.servicelifecycle;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.pmo.servicelifecycle.identity.Organisation;
import org.pmo.servicelifecycle.lifecycle.ServiceRequests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * What every Spring Boot web test shares: the application on a random port with the test profile (one cached context
 * for all of them), a REST client, the engine, and the demo organisation's people (password = id).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class WebTestSupport {

	@LocalServerPort
	protected int port;

	@Autowired
	protected TestRestTemplate rest;

	@Autowired
	protected ProcessEngine engine;

	@Autowired
	protected Organisation organisation;

	@Autowired
	protected ServiceRequests requests;

	@Autowired
	protected JdbcTemplate jdbc;

	@BeforeEach
	void createTheOrganisation() {
		TestUsers.create(this.organisation);
	}

}
