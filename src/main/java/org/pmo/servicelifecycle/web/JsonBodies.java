package org.pmo.servicelifecycle.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.springframework.stereotype.Component;

/**
 * Reads a request body that may hold one item or an array of them, and validates every item; errors name the field
 * with the item's index, e.g. {@code [2].value}.
 */
@Component
public class JsonBodies {

	private final ObjectMapper objectMapper;

	private final Validator validator;

	JsonBodies(ObjectMapper objectMapper, Validator validator) {
		this.objectMapper = objectMapper;
		this.validator = validator;
	}

	public <T> List<T> items(JsonNode body, Class<T> type) {
		if (body == null || !(body.isObject() || body.isArray()) || (body.isArray() && body.isEmpty())) {
			throw new InvalidInputException("body", "must be an object or a non-empty array of objects");
		}
		List<JsonNode> nodes = new ArrayList<>();
		if (body.isArray()) {
			body.forEach(nodes::add);
		}
		else {
			nodes.add(body);
		}
		List<T> items = new ArrayList<>();
		for (int i = 0; i < nodes.size(); i++) {
			items.add(item(nodes.get(i), type, "[" + i + "]."));
		}
		return items;
	}

	public <T> T item(JsonNode node, Class<T> type, String prefix) {
		if (node == null || !node.isObject()) {
			String field = prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1);
			throw new InvalidInputException(field, "must be an object");
		}
		T item;
		try {
			item = this.objectMapper.treeToValue(node, type);
		}
		catch (MismatchedInputException ex) {
			String field = ex.getPath().isEmpty() ? "body" : prefix + ex.getPath().get(0).getFieldName();
			String problem = (ex instanceof InvalidFormatException format) ? "invalid value '" + format.getValue() + "'"
					: "invalid value";
			throw new InvalidInputException(field, problem);
		}
		catch (JsonProcessingException ex) {
			throw new InvalidInputException("body", "unreadable item");
		}
		Set<ConstraintViolation<T>> violations = this.validator.validate(item);
		if (!violations.isEmpty()) {
			ConstraintViolation<T> violation = violations.iterator().next();
			throw new InvalidInputException(prefix + violation.getPropertyPath(), violation.getMessage());
		}
		return item;
	}

}
