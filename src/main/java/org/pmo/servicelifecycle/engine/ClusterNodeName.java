package org.pmo.servicelifecycle.engine;

import java.util.UUID;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.util.StringUtils;

/**
 * Names this node in the engine when {@code pmo.node-name} ({@code NODE_NAME}) is set: the historic job log records
 * which node ran each job, and the job executor's locks show which node holds a job, so the operators of several
 * nodes on one database can tell them apart. Without a name the engine's defaults stay (host address, random lock
 * owner).
 */
class ClusterNodeName extends AbstractProcessEnginePlugin {

	private final String nodeName;

	ClusterNodeName(NodeSettings settings) {
		this.nodeName = settings.nodeName();
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (StringUtils.hasText(this.nodeName)) {
			configuration.setHostname(this.nodeName);
		}
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		if (StringUtils.hasText(this.nodeName) && configuration.getJobExecutor() != null) {
			// unique per start, so the locks of a killed node are told apart from those of its restart
			configuration.getJobExecutor().setLockOwner(this.nodeName + ":" + UUID.randomUUID());
		}
	}

}
