package org.pmo.servicelifecycle;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.pmo.servicelifecycle.demo.EngineTransport;
import org.pmo.servicelifecycle.demo.LifecycleDriver;
import org.pmo.servicelifecycle.demo.People;
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
 * for all of them), a REST client, the engine, the demo organisation's people (password = id) and the lifecycle
 * driver over the Java API.
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

	/** The Java API as the organisation's people use it, for the steps a test starts from. */
	protected EngineTransport engineApi;

	/** Carries services through the lifecycle as the demo organisation's people. */
	protected LifecycleDriver lifecycle;

	@BeforeEach
	void createTheOrganisation() {
		TestUsers.create(this.organisation);
		this.engineApi = new EngineTransport(this.engine, this.requests);
		this.lifecycle = new LifecycleDriver(this.engineApi, People.DEMO);
	}

}
