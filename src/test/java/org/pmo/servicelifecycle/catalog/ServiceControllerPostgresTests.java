package org.pmo.servicelifecycle.catalog;

import org.pmo.servicelifecycle.postgres.PostgresTest;

/** The catalog REST API tests on PostgreSQL. */
@PostgresTest
class ServiceControllerPostgresTests extends ServiceControllerTests {

}
