package org.pmo.servicelifecycle.engine;

import org.pmo.servicelifecycle.postgres.PostgresTest;

/** The group inbox's statement against Camunda's on PostgreSQL. */
@PostgresTest
class GroupInboxQueriesPostgresTests extends GroupInboxQueriesTests {

}
