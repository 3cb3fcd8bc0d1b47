package org.pmo.servicelifecycle;

import org.pmo.servicelifecycle.postgres.PostgresTest;

/** A service from request to retirement over the REST APIs, on PostgreSQL. */
@PostgresTest
class ServiceLifecycleEndToEndPostgresTests extends ServiceLifecycleEndToEndTests {

}
