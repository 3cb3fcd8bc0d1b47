package org.pmo.servicelifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.pmo.servicelifecycle.ApiClient;

/** The model files as shipped and as a process owner changes them, and deploying them as Camunda Modeler does. */
public final class ModelFiles {

	static final Path BPMN = Path.of("bpmn");

	static final Path FORMS = Path.of("forms");

	static final Path DMN = Path.of("dmn");

	static final String LIFECYCLE_FILE = "pmo-service-lifecycle.bpmn";

	/** The models a process owner deploys: the lifecycle's three. */
	static final java.util.Set<String> LIFECYCLE_MODELS = java.util.Set.of(LIFECYCLE_FILE, "pmo-service-transform.bpmn",
			"pmo-service-retirement.bpmn");

	private ModelFiles() {
	}

	/** The lifecycle as a process owner changes it: a renamed task and a new step before operation starts. */
	public static String changedLifecycle() {
		String model = read(BPMN.resolve(LIFECYCLE_FILE));
		String renamed = model.replace("name=\"Approve business case\"", "name=\"Approve the business case\"");
		String withStep = renamed
			.replace("<bpmn:sequenceFlow id=\"Flow_OperationStarted\" sourceRef=\"Gateway_OperationMerge\" targetRef=\"SubProcess_OperateService\" />",
					"<bpmn:sequenceFlow id=\"Flow_OperationStarted\" sourceRef=\"Gateway_OperationMerge\" targetRef=\"Task_AnnounceService\" />\n"
							+ "    <bpmn:manualTask id=\"Task_AnnounceService\" name=\"Announce the service\" />\n"
							+ "    <bpmn:sequenceFlow id=\"Flow_ServiceAnnounced\" sourceRef=\"Task_AnnounceService\" targetRef=\"SubProcess_OperateService\" />");
		assertThat(withStep).as("the fixture changed the model").isNotEqualTo(renamed).isNotEqualTo(model);
		return withStep;
	}

	/** As Camunda Modeler deploys: its source name, duplicate filtering and changed files only. */
	public static ApiClient.Response deploy(ApiClient client, Map<String, byte[]> files) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("deployment-name", "pmo-service-lifecycle");
		fields.put("deployment-source", "Camunda Modeler");
		fields.put("enable-duplicate-filtering", "true");
		fields.put("deploy-changed-only", "true");
		return client.postMultipart("/engine-rest/deployment/create", fields, files);
	}

	/** The lifecycle's models, every decision and form, as shipped. */
	public static Map<String, byte[]> shippedFiles() {
		Map<String, byte[]> everything = new LinkedHashMap<>();
		Stream.of(BPMN, FORMS, DMN).flatMap(ModelFiles::files)
			.filter((file) -> !file.startsWith(BPMN) || LIFECYCLE_MODELS.contains(file.getFileName().toString()))
			.forEach((file) -> everything.put(file.getFileName().toString(), bytes(file)));
		return everything;
	}

	static Stream<Path> files(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(Files::isRegularFile).sorted().toList().stream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String read(Path file) {
		return new String(bytes(file), StandardCharsets.UTF_8);
	}

	static byte[] bytes(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
