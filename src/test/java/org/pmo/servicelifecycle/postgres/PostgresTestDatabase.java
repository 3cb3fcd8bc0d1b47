package org.pmo.servicelifecycle.postgres;

import java.util.Arrays;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Gives a test context a fresh PostgreSQL database and hands it to the application the way production does: as
 * {@code DB_URL}, {@code DB_USERNAME} and {@code DB_PASSWORD} for the profile {@code postgres}, with the
 * administrator's {@code ADMIN_USER} and {@code ADMIN_PASSWORD}. The database is dropped when the context closes,
 * after its connection pool.
 */
public class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String ADMIN_USER = "admin";

	public static final String ADMIN_PASSWORD = "admin-secret";

	/** The property that names the database of a context, for tests that look at it. */
	public static final String DATABASE_PROPERTY = "pmo.test.database";

	private static final String DROP_BEAN = "pmoTestDatabaseDrop";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		PostgresTestServer server = PostgresTestServer.get();
		String database = server.createDatabase();
		String url = server.jdbcUrl(database);
		ConfigurableEnvironment environment = context.getEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("pmoTestDatabase",
					Map.of("DB_URL", url, "DB_USERNAME", server.user(), "DB_PASSWORD", server.password(),
							"ADMIN_USER", ADMIN_USER, "ADMIN_PASSWORD", ADMIN_PASSWORD, DATABASE_PROPERTY, database)));
		context.addBeanFactoryPostProcessor((beanFactory) -> {
			String configured = environment.getProperty("spring.datasource.url");
			if (!url.equals(configured)) {
				throw new IllegalStateException("A PostgreSQL test must run with the profile 'postgres' (after 'test'); "
						+ "the data source would be " + configured);
			}
			dropAfterDataSources(beanFactory, server, database);
		});
	}

	private static void dropAfterDataSources(ConfigurableListableBeanFactory beanFactory, PostgresTestServer server,
			String database) {
		((BeanDefinitionRegistry) beanFactory).registerBeanDefinition(DROP_BEAN, BeanDefinitionBuilder
			.genericBeanDefinition(DatabaseDrop.class, () -> new DatabaseDrop(server, database))
			.getBeanDefinition());
		String[] dataSources = beanFactory.getBeanNamesForType(DataSource.class, true, false);
		for (String name : dataSources) {
			BeanDefinition definition = beanFactory.getBeanDefinition(name);
			String[] dependsOn = (definition.getDependsOn() != null) ? definition.getDependsOn() : new String[0];
			// a bean that another depends on is destroyed after it: the pool closes first, then the database goes
			definition.setDependsOn(StringUtils.addStringToArray(dependsOn, DROP_BEAN));
		}
		if (dataSources.length == 0) {
			throw new IllegalStateException("No DataSource bean found among " + Arrays.toString(beanFactory.getBeanDefinitionNames()));
		}
	}

	private record DatabaseDrop(PostgresTestServer server, String database) implements DisposableBean {

		@Override
		public void destroy() {
			this.server.dropDatabase(this.database);
		}

	}

}
