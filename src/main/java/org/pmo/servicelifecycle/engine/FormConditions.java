package org.pmo.servicelifecycle.engine;

import java.util.Map;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.Variables;

/**
 * A form's conditions ({@code conditional.hide}, an expression-valued {@code readonly}) evaluated as Tasklist's
 * form-js evaluates them, with the engine's own FEEL: a condition that cannot be evaluated counts as false there too.
 */
final class FormConditions {

	private FormConditions() {
	}

	/** Whether the FEEL expression (with or without its leading "=") holds for the form's values. */
	static boolean holds(String expression, Map<String, Object> values) {
		if (expression == null || expression.isBlank()) {
			return false;
		}
		String feel = expression.strip().startsWith("=") ? expression.strip().substring(1) : expression.strip();
		FeelEngine engine = feelEngine();
		try {
			Object result = engine.evaluateSimpleExpression(feel, Variables.fromMap(values).asVariableContext());
			return Boolean.TRUE.equals(result);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static FeelEngine feelEngine() {
		ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
		if (configuration == null) {
			throw new IllegalStateException("form conditions are evaluated inside the engine's commands");
		}
		return ((DefaultDmnEngineConfiguration) configuration.getDmnEngineConfiguration()).getFeelEngine();
	}

}
