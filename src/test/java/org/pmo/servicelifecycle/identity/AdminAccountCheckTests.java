package org.pmo.servicelifecycle.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.PmoServiceLifecycleApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

class AdminAccountCheckTests {

	@Test
	void shouldRefuseRequiredAdministratorWithoutPassword() {
		MockEnvironment environment = new MockEnvironment().withProperty("pmo.admin.required", "true")
			.withProperty("pmo.admin.user", "admin")
			.withProperty("pmo.admin.password", "");

		assertThatThrownBy(() -> AdminAccountCheck.check(environment)).isInstanceOf(MissingAdminSecretException.class)
			.hasMessageContaining("ADMIN_PASSWORD is not set");
	}

	@Test
	void shouldAcceptConfiguredOrOptionalAdministrator() {
		assertThatNoException().isThrownBy(() -> AdminAccountCheck.check(new MockEnvironment()));
		assertThatNoException().isThrownBy(() -> AdminAccountCheck.check(new MockEnvironment()
			.withProperty("pmo.admin.required", "true")
			.withProperty("pmo.admin.user", "admin")
			.withProperty("pmo.admin.password", "s3cret-from-the-vault")));
	}

	@Test
	void shouldExplainWhatToSet() {
		FailureAnalysis analysis = new MissingAdminSecretFailureAnalyzer()
			.analyze(new MissingAdminSecretException("ADMIN_PASSWORD", "pmo.admin.password"));

		assertThat(analysis.getDescription()).contains("ADMIN_PASSWORD is not set");
		assertThat(analysis.getAction()).contains("Set the environment variable ADMIN_PASSWORD");
	}

	@Test
	void postgresProfileRefusesToStartWithoutAdminPassword() {
		// the check runs before any bean touches the database, so no PostgreSQL is needed to see it
		SpringApplicationBuilder application = new SpringApplicationBuilder(PmoServiceLifecycleApplication.class)
			.profiles("postgres");

		assertThatThrownBy(() -> application.run("--ADMIN_PASSWORD=", "--DB_URL=jdbc:postgresql://localhost:1/none",
				"--DB_USERNAME=none", "--DB_PASSWORD=none", "--server.port=0"))
			.isInstanceOf(MissingAdminSecretException.class)
			.hasMessageContaining("ADMIN_PASSWORD is not set");
	}

}
