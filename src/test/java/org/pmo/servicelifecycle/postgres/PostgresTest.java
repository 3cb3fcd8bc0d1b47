package org.pmo.servicelifecycle.postgres;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A Spring Boot test that runs on PostgreSQL with the production profile {@code postgres}: a fresh database on the
 * server named by {@code PMO_TEST_POSTGRES_URL}, or on an embedded PostgreSQL (see {@link PostgresTestServer}). The
 * profile {@code test} stays underneath, so the job executor stays off unless a test turns it on. Put it on a
 * subclass of an H2 test to run the same tests on PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("postgres")
@ActiveProfiles({ "test", "postgres" })
@ContextConfiguration(initializers = PostgresTestDatabase.class)
public @interface PostgresTest {

}
