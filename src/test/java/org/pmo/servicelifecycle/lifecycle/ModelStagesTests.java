package org.pmo.servicelifecycle.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The model owns its stages: the {@code stage} extension properties of bpmn/ are what the engine and the checks read. */
@SpringBootTest(webEnvironment = WebEnvironment.NONE, properties = ProcessTestDriver.WITHOUT_ENGINE_REST)
@ActiveProfiles("test")
class ModelStagesTests {

	private static final Path LIFECYCLE = Path.of("bpmn/pmo-service-lifecycle.bpmn");

	@Autowired
	private ProcessEngine engine;

	@Test
	void theLifecycleModelNamesTheStageOfEveryStageEnteringStep() {
		assertThat(ModelStages.of(Bpmn.readModelFromFile(LIFECYCLE.toFile()))).containsOnly(
				entry(Lifecycle.TASK_EVALUATE_NEED, Stage.PROPOSED), entry(Lifecycle.TASK_DESIGN_SERVICE, Stage.DESIGN),
				entry(Lifecycle.TASK_JUSTIFY_SERVICE, Stage.JUSTIFICATION),
				entry(Lifecycle.EVENT_PILOT_PERIOD_OVER, Stage.PILOT), entry(Lifecycle.TASK_REVIEW_PILOT, Stage.PILOT),
				entry(Lifecycle.TASK_APPROVE_GO_LIVE, Stage.IMPLEMENTATION),
				entry(Lifecycle.SUBPROCESS_OPERATE_SERVICE, Stage.OPERATION),
				entry(Lifecycle.CALL_TRANSFORM_SERVICE, Stage.TRANSFORM),
				entry(Lifecycle.CALL_RETIRE_SERVICE, Stage.RETIREMENT),
				entry(Lifecycle.END_SERVICE_DECLINED, Stage.DECLINED), entry(Lifecycle.END_SERVICE_RETIRED, Stage.RETIRED));
	}

	@Test
	void aModelNamingAStageThatDoesNotExistIsNotDeployed() throws IOException {
		String misspelt = Files.readString(LIFECYCLE).replace("value=\"DESIGN\"", "value=\"DESGN\"");
		long deployments = this.engine.getRepositoryService().createDeploymentQuery().count();

		assertThatThrownBy(() -> this.engine.getRepositoryService()
			.createDeployment()
			.addString("pmo-service-lifecycle.bpmn", misspelt)
			.deploy()).hasMessageContaining("Task_DesignService").hasMessageContaining("DESGN");
		assertThat(this.engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
	}

}
