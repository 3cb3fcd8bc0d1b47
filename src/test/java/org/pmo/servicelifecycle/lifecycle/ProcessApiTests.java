package org.pmo.servicelifecycle.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Forms;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Retirement;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Transform;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables;

/**
 * The process API and the models say the same: every element id the code names is in its model, every variable it
 * names is read or written by a model, a form or a decision, and the forms the models refer to are those in forms/.
 * A process owner who renames an element in Modeler learns here what the code still expects.
 */
class ProcessApiTests {

	private static final Path BPMN = Path.of("bpmn");

	private static final Path FORMS = Path.of("forms");

	private static final Path DMN = Path.of("dmn");

	/**
	 * Variables only the engine's Java side reads and writes (the four-eyes records, the service code's copy), and
	 * the reason a review request brings, which the review takes into its reasons.
	 */
	private static final Set<String> SET_BY_THE_ENGINE = Set.of(Variables.REQUESTED_BY, Variables.DESIGNED_BY,
			Variables.RETIREMENT_PLANNED_BY, Variables.RETIREMENT_PLANNERS, Variables.REVIEW_REASON);

	@Test
	void everyElementIdOfTheCodeIsInItsModel() {
		assertThat(missingIds(Lifecycle.class, "pmo-service-lifecycle.bpmn")).isEmpty();
		assertThat(missingIds(Transform.class, "pmo-service-transform.bpmn")).isEmpty();
		assertThat(missingIds(Retirement.class, "pmo-service-retirement.bpmn")).isEmpty();
	}

	@Test
	void everyVariableOfTheCodeIsUsedByAModelAFormOrADecision() throws IOException {
		String models = read(BPMN) + read(FORMS) + read(DMN);
		List<String> unused = new ArrayList<>();
		for (String variable : constants(Variables.class)) {
			if (!SET_BY_THE_ENGINE.contains(variable) && !Pattern.compile("\\b" + variable + "\\b").matcher(models).find()) {
				unused.add(variable);
			}
		}
		assertThat(unused).isEmpty();
	}

	@Test
	void theModelsReferToExactlyTheFormsThereAre() throws IOException {
		Set<String> referred = new TreeSet<>();
		Matcher formRef = Pattern.compile("camunda:formRef=\"([^\"]+)\"").matcher(read(BPMN));
		while (formRef.find()) {
			referred.add(formRef.group(1));
		}
		Set<String> forms = new TreeSet<>();
		try (Stream<Path> files = Files.list(FORMS)) {
			for (Path form : files.filter((file) -> file.toString().endsWith(".form")).toList()) {
				Matcher id = Pattern.compile("^  \"id\": \"([^\"]+)\"", Pattern.MULTILINE).matcher(Files.readString(form));
				assertThat(id.find()).as(form.toString()).isTrue();
				forms.add(id.group(1));
			}
		}
		assertThat(referred).isEqualTo(forms).containsAll(constants(Forms.class));
	}

	private static List<String> missingIds(Class<?> elementIds, String model) {
		BpmnModelInstance instance = Bpmn.readModelFromFile(BPMN.resolve(model).toFile());
		return constants(elementIds).stream().filter((id) -> instance.getModelElementById(id) == null).toList();
	}

	private static List<String> constants(Class<?> type) {
		List<String> values = new ArrayList<>();
		for (Field field : type.getDeclaredFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
				try {
					values.add((String) field.get(null));
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return values;
	}

	private static String read(Path folder) throws IOException {
		StringBuilder text = new StringBuilder();
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.sorted().toList()) {
				text.append(Files.readString(file));
			}
		}
		return text.toString();
	}

}
