package org.pmo.servicelifecycle.lifecycle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Typed reads of process variables. Tasklist hands multi-value fields over as JSON, REST clients as lists or
 * comma-separated text; all arrive here as the same Java values, or as an error that names the field.
 */
final class LifecycleVariables {

	private LifecycleVariables() {
	}

	static String text(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		if (value == null) {
			return null;
		}
		if (!(value instanceof String text)) {
			throw new InvalidLifecycleInputException(name, "must be text");
		}
		return text.isBlank() ? null : text.strip();
	}

	static <E extends Enum<E>> E enumValue(VariableScope scope, String name, Class<E> type) {
		String text = text(scope, name);
		return (text != null) ? parse(name, text, type) : null;
	}

	static <E extends Enum<E>> Set<E> enumSet(VariableScope scope, String name, Class<E> type) {
		Set<E> values = EnumSet.noneOf(type);
		for (String item : items(scope.getVariable(name), name)) {
			if (!item.isBlank()) {
				values.add(parse(name, item.strip(), type));
			}
		}
		return values;
	}

	private static List<String> items(Object value, String name) {
		List<String> items = new ArrayList<>();
		if (value == null) {
			return items;
		}
		if (value instanceof SpinJsonNode json) {
			if (!json.isArray()) {
				throw new InvalidLifecycleInputException(name, "must be a list");
			}
			json.elements().forEach((element) -> items.add(element.isString() ? element.stringValue() : element.toString()));
		}
		else if (value instanceof Collection<?> collection) {
			collection.forEach((element) -> items.add(String.valueOf(element)));
		}
		else if (value instanceof String text) {
			items.addAll(List.of(text.split(",")));
		}
		else {
			throw new InvalidLifecycleInputException(name, "must be a list");
		}
		return items;
	}

	private static <E extends Enum<E>> E parse(String name, String text, Class<E> type) {
		try {
			return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidLifecycleInputException(name,
					"unknown value '" + text + "', expected one of " + EnumSet.allOf(type));
		}
	}

}
