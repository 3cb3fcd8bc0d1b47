package org.pmo.servicelifecycle.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.PmoServiceLifecycleApplication;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.catalog.ServiceRequest;
import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.lifecycle.ServiceRequests;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The production alternative to letting the engine create its schema: a DBA creates Camunda's tables with Camunda's
 * SQL scripts (the same statements the Camunda distribution ships as {@code sql/create/postgres_*.sql}), and the
 * application runs with {@code CAMUNDA_SCHEMA_UPDATE=false}, so the engine only checks them at start.
 */
@Tag("postgres")
class CamundaSchemaPostgresTests {

	/** Camunda's create scripts in the order the engine itself runs them. */
	private static final List<String> CAMUNDA_SCRIPTS = List.of("engine", "history", "identity", "case.engine",
			"case.history", "decision.engine", "decision.history");

	private final PostgresTestServer server = PostgresTestServer.get();

	@Test
	void shouldStartOnSchemaCreatedWithCamundasScriptsAndOnlyCheckIt() throws Exception {
		String database = this.server.createDatabase();
		try {
			// given Camunda's tables, created by a DBA before the first start
			createCamundaSchema(database);

			// when the application starts and only checks them
			try (ConfigurableApplicationContext application = start(database)) {
				PmoService service = application.getBean(ServiceRequests.class)
					.request(new ServiceRequest("Portfolio dashboard", "Monthly dashboard of the portfolio",
							Set.of(CustomerSegment.SENIOR_EXECUTIVES), null));

				// then the engine runs on them, and Flyway added the catalog next to them
				assertThat(service.getStage()).isEqualTo(Stage.PROPOSED);
				assertThat(service.getLifecycleInstanceId()).isNotNull();
				assertThat(application.getBean(JdbcTemplate.class)
					.queryForList("select version from flyway_schema_history where success order by installed_rank",
							String.class))
					.containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8");
				// the job acquisition's index, added by the application next to Camunda's own,
				assertThat(application.getBean(JdbcTemplate.class)
					.queryForList("select indexdef from pg_indexes where tablename = 'act_ru_job'", String.class))
					.anySatisfy((index) -> assertThat(index).contains("pmo_idx_job_acquisition").contains("(duedate_)"));
				// and the event subscriptions' index by process instance, which migrations read
				assertThat(application.getBean(JdbcTemplate.class)
					.queryForList("select indexdef from pg_indexes where tablename = 'act_ru_event_subscr'", String.class))
					.anySatisfy((index) -> assertThat(index).contains("pmo_idx_event_subscr_proc_inst")
						.contains("(proc_inst_id_)"));
			}
		}
		finally {
			this.server.dropDatabase(database);
		}
	}

	@Test
	void shouldRefuseToStartWhenCamundasSchemaIsMissingAndOnlyChecked() {
		String database = this.server.createDatabase();
		try {
			assertThatThrownBy(() -> start(database).close()).hasStackTraceContaining("ENGINE-03057");
		}
		finally {
			this.server.dropDatabase(database);
		}
	}

	private ConfigurableApplicationContext start(String database) {
		return new SpringApplicationBuilder(PmoServiceLifecycleApplication.class).profiles("test", "postgres")
			// as the environment would give them; command-line arguments win over a developer's own DB_URL
			.run("--DB_URL=" + this.server.jdbcUrl(database), "--DB_USERNAME=" + this.server.user(),
					"--DB_PASSWORD=" + this.server.password(), "--ADMIN_PASSWORD=" + PostgresTestDatabase.ADMIN_PASSWORD,
					"--CAMUNDA_SCHEMA_UPDATE=false", "--server.port=0",
					// a name of its own: Camunda keeps its engines in one static registry, by name
					"--camunda.bpm.process-engine-name=scripted" + UUID.randomUUID().toString().substring(0, 8));
	}

	private void createCamundaSchema(String database) throws SQLException, IOException {
		try (Connection connection = this.server.connect(database); Statement statement = connection.createStatement()) {
			for (String component : CAMUNDA_SCRIPTS) {
				statement.execute(script("org/camunda/bpm/engine/db/create/activiti.postgres.create." + component + ".sql"));
			}
		}
	}

	private static String script(String resource) throws IOException {
		try (InputStream in = CamundaSchemaPostgresTests.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IOException("No Camunda script " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
