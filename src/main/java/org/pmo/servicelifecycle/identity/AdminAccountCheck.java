package org.pmo.servicelifecycle.identity;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Where an administrator is required (profile {@code postgres}), start-up stops before the engine or the database
 * is touched when no administrator password is configured: there is no default secret to fall back on.
 */
@Component
class AdminAccountCheck implements BeanFactoryPostProcessor, EnvironmentAware {

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		check(this.environment);
	}

	static void check(Environment environment) {
		// before any bean exists: the settings are bound here as the application binds them later
		AdminSettings admin = Binder.get(environment)
			.bind("pmo.admin", AdminSettings.class)
			.orElseGet(() -> new AdminSettings(null, null, false));
		if (!admin.required()) {
			return;
		}
		if (!StringUtils.hasText(admin.user())) {
			throw new MissingAdminSecretException("ADMIN_USER", "pmo.admin.user");
		}
		if (!StringUtils.hasText(admin.password())) {
			throw new MissingAdminSecretException("ADMIN_PASSWORD", "pmo.admin.password");
		}
	}

}
