package org.pmo.servicelifecycle.engine;

import java.util.ArrayList;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/** The engine's managers the application replaces with its own subclasses, one session per command as Camunda's. */
final class EngineSessions {

	private EngineSessions() {
	}

	/** Every command that asks for a session of the type gets one the opener makes. */
	static void replace(ProcessEngineConfigurationImpl configuration, Class<?> type, Supplier<? extends Session> opener) {
		if (configuration.getCustomSessionFactories() == null) {
			configuration.setCustomSessionFactories(new ArrayList<>());
		}
		configuration.getCustomSessionFactories().add(new SessionFactory() {
			@Override
			public Class<?> getSessionType() {
				return type;
			}

			@Override
			public Session openSession() {
				return opener.get();
			}
		});
	}

}
