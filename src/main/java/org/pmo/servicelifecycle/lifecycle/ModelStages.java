package org.pmo.servicelifecycle.lifecycle;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.pmo.servicelifecycle.catalog.Stage;

/**
 * The model says which stage an element enters: the extension property {@value #PROPERTY} (Modeler's properties panel,
 * "Extension properties"), e.g. {@code stage = DESIGN} on the design task. Entering such an element moves the
 * service there; a service waiting in or below it stands in that stage.
 */
public final class ModelStages {

	/** The name of the extension property. */
	public static final String PROPERTY = "stage";

	private ModelStages() {
	}

	/** The stage a property value names, or an explanation of why it names none. */
	public static Stage parse(String elementId, String value) {
		try {
			return Stage.valueOf(value);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidLifecycleInputException(PROPERTY, "the element '" + elementId + "' names the stage '" + value
					+ "', which is none of " + Arrays.toString(Stage.values()));
		}
	}

	/** The stage each element of a deployed model enters, by element id. */
	public static Map<String, Stage> of(BpmnModelInstance model) {
		Map<String, Stage> stages = new HashMap<>();
		for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
			String value = propertyOf(node);
			if (value != null) {
				stages.put(node.getId(), parse(node.getId(), value));
			}
		}
		return stages;
	}

	private static String propertyOf(BaseElement element) {
		ExtensionElements extensions = element.getExtensionElements();
		if (extensions == null) {
			return null;
		}
		for (CamundaProperties properties : extensions.getChildElementsByType(CamundaProperties.class)) {
			for (CamundaProperty property : properties.getCamundaProperties()) {
				if (PROPERTY.equals(property.getCamundaName())) {
					return property.getCamundaValue();
				}
			}
		}
		return null;
	}

}
