package org.pmo.servicelifecycle.engine;

import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The engine creates a {@link DatatypeFactory} for every timer and duration it resolves (pilot timers, review cycles,
 * approval deadlines). Unless an implementation is named, the JDK searches the whole class path for one each time, a
 * jar scan that cost several per cent of the lifecycle's CPU. Naming the JDK's own implementation, which the search
 * ends with anyway, gives the same factory without the scan. A name set by the operator is kept.
 */
class JdkDatatypeFactory extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
			System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY,
					DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
		}
	}

}
