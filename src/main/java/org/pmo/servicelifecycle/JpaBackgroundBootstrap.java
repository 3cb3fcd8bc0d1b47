package org.pmo.servicelifecycle;

import org.springframework.boot.autoconfigure.orm.jpa.EntityManagerFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/** Hibernate builds its metamodel on a thread of its own while the process engine starts on the main thread. */
@Configuration(proxyBeanMethods = false)
class JpaBackgroundBootstrap {

	@Bean
	EntityManagerFactoryBuilderCustomizer backgroundJpaBootstrap() {
		return (builder) -> {
			SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("jpa-bootstrap-");
			builder.setBootstrapExecutor(executor);
		};
	}

}
