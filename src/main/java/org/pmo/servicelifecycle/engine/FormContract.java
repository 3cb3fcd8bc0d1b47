package org.pmo.servicelifecycle.engine;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.BytesValue;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.pmo.servicelifecycle.lifecycle.InvalidLifecycleInputException;

/**
 * What a Camunda Form accepts, read from its JSON: the keyed fields, which are required, the values a radio, select
 * or checklist offers, text lengths, number ranges. A submission is checked against it on the server, so a REST
 * client cannot send what the form would not let a person enter. Disabled fields are context only: they may come
 * back unchanged, never changed.
 */
final class FormContract {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** The longest text a field takes when its form sets no maximum. */
	static final int DEFAULT_MAX_LENGTH = 4000;

	private final String formId;

	private final Map<String, Field> fields;

	private FormContract(String formId, Map<String, Field> fields) {
		this.formId = formId;
		this.fields = fields;
	}

	static FormContract parse(byte[] formJson) {
		try {
			JsonNode form = JSON.readTree(formJson);
			Map<String, Field> fields = new LinkedHashMap<>();
			collect(form.path("components"), fields, List.of());
			return new FormContract(form.path("id").asText("form"), fields);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Unreadable Camunda Form", ex);
		}
	}

	/** The fields of the components; a group's hide condition hides every field in it. */
	private static void collect(JsonNode components, Map<String, Field> fields, List<String> hiddenWhen) {
		for (JsonNode component : components) {
			List<String> hides = new ArrayList<>(hiddenWhen);
			if (component.path("conditional").path("hide").isTextual()) {
				hides.add(component.path("conditional").path("hide").asText());
			}
			if ("dynamiclist".equals(component.path("type").asText()) && component.hasNonNull("path")) {
				// a list of rows under one variable: its fields belong to each row, not to the form
				Map<String, Field> row = new LinkedHashMap<>();
				collect(component.path("components"), row, List.of());
				Field list = Field.rows(component, row, hides);
				fields.put(list.key(), list);
				continue;
			}
			if (component.has("components")) {
				collect(component.path("components"), fields, hides);
			}
			if (component.hasNonNull("key")) {
				Field field = Field.of(component, hides);
				fields.put(field.key(), field);
			}
		}
	}

	/** Field types whose values the contract checks, and components that hold no value. */
	private static final Set<String> CHECKED_TYPES = Set.of("textfield", "textarea", "radio", "select", "checklist",
			"taglist", "number", "checkbox", "datetime", "dynamiclist");

	private static final Set<String> WITHOUT_VALUE = Set.of("text", "html", "spacer", "separator", "group", "image",
			"table", "default", "iframe", "button");

	/** An address with a local part, an at sign and a domain of labels, the last of two letters at least. */
	static final Pattern EMAIL = Pattern.compile("[^\\s@\"<>()\\[\\],;:]+@([A-Za-z0-9-]+\\.)+[A-Za-z]{2,}");

	/**
	 * What of a form the server cannot check as Tasklist does, in words; empty when it checks everything. A form
	 * with such a field would let a REST client past a rule Tasklist enforces, or refuse what Tasklist sends.
	 */
	static List<String> uncheckable(byte[] formJson) {
		List<String> problems = new ArrayList<>();
		try {
			JsonNode form = JSON.readTree(formJson);
			if (!form.path("components").isArray()) {
				return List.of("is not a Camunda Form (no components)");
			}
			uncheckable(form.path("components"), problems, false);
		}
		catch (IOException ex) {
			problems.add("is not readable JSON: " + ex.getMessage());
		}
		return problems;
	}

	private static void uncheckable(JsonNode components, List<String> problems, boolean inRow) {
		for (JsonNode component : components) {
			String type = component.path("type").asText();
			String name = component.hasNonNull("key") ? component.get("key").asText()
					: component.path("path").asText(component.path("id").asText(type));
			if (inRow && component.has("conditional")) {
				problems.add("field '" + name + "' of a list's row has a hide condition, which the server does not "
						+ "evaluate per row");
			}
			if (inRow && component.path("readonly").isTextual()) {
				problems.add("field '" + name + "' of a list's row is readonly by an expression, which the server does "
						+ "not evaluate per row");
			}
			if (component.path("disabled").isTextual()) {
				problems.add("field '" + name + "' is disabled by an expression, which the server does not evaluate");
			}
			if ("group".equals(type) && component.path("path").isTextual() && !component.path("path").asText().isBlank()) {
				problems.add("group '" + name + "' nests its fields' values under a path, which the server does not check");
			}
			JsonNode validate = component.path("validate");
			if (validate.path("validationType").isTextual() && !"email".equals(validate.path("validationType").asText())) {
				problems.add("field '" + name + "' asks for validation type '" + validate.path("validationType").asText()
						+ "', which the server does not check");
			}
			if (validate.hasNonNull("pattern")) {
				String pattern = validate.get("pattern").asText();
				try {
					Pattern.compile(pattern);
				}
				catch (PatternSyntaxException ex) {
					problems.add("field '" + name + "' has a pattern the server cannot read: " + ex.getDescription());
				}
			}
			if (!CHECKED_TYPES.contains(type) && !WITHOUT_VALUE.contains(type) && component.hasNonNull("key")) {
				problems.add("field '" + name + "' is of type '" + type + "', which the server does not check");
			}
			if (component.has("components")) {
				uncheckable(component.path("components"), problems, inRow || "dynamiclist".equals(type));
			}
		}
	}

	/**
	 * What a changed version of this shipped form changes that is not a process owner's to change: its fields, each
	 * with its kind, options (values and their labels), validation, conditions and read-only or disabled state, stay
	 * as shipped. Words (labels, descriptions), layout and components without a value may change.
	 */
	static List<String> keptIn(byte[] shippedJson, byte[] changedJson) {
		List<String> problems = new ArrayList<>();
		Map<String, String> shipped = behaviour(shippedJson);
		Map<String, String> changed = behaviour(changedJson);
		shipped.forEach((key, rules) -> {
			if (!changed.containsKey(key)) {
				problems.add("field '" + key + "' of the shipped form is missing: the application reads it");
			}
			else if (!rules.equals(changed.get(key))) {
				problems.add("field '" + key + "' changes more than its words: its kind, options, validation, "
						+ "conditions and read-only state stay as shipped");
			}
		});
		changed.keySet()
			.stream()
			.filter((key) -> !shipped.containsKey(key))
			.sorted()
			.forEach((key) -> problems.add("field '" + key + "' is new: a changed form keeps the shipped fields, and "
					+ "adds only texts"));
		// new components show words only: no frame, image, button or table of variables
		Set<String> shippedIds = componentIds(shippedJson);
		componentTypes(changedJson).forEach((id, type) -> {
			if (!shippedIds.contains(id) && !TEXTS.contains(type) && !behaviourOf(type)) {
				problems.add("component '" + id + "' is a new " + type + ": a changed form adds only texts, spacers, "
						+ "separators and groups");
			}
		});
		return problems;
	}

	/** Components that show words or structure only. */
	private static final Set<String> TEXTS = Set.of("text", "html", "spacer", "separator", "group");

	private static boolean behaviourOf(String type) {
		return CHECKED_TYPES.contains(type);
	}

	private static Set<String> componentIds(byte[] formJson) {
		return componentTypes(formJson).keySet();
	}

	/** Every component's id and type, nested ones included. */
	private static Map<String, String> componentTypes(byte[] formJson) {
		Map<String, String> types = new LinkedHashMap<>();
		try {
			componentTypes(JSON.readTree(formJson).path("components"), types);
		}
		catch (IOException ex) {
			types.put("?", "unreadable");
		}
		return types;
	}

	private static void componentTypes(JsonNode components, Map<String, String> types) {
		for (JsonNode component : components) {
			types.put(component.path("id").asText(), component.path("type").asText());
			if (component.has("components")) {
				componentTypes(component.path("components"), types);
			}
		}
	}

	/** Each keyed field (and list) with what makes its behaviour, in one line; words and layout left out. */
	private static Map<String, String> behaviour(byte[] formJson) {
		Map<String, String> fields = new LinkedHashMap<>();
		try {
			behaviour(JSON.readTree(formJson).path("components"), fields);
		}
		catch (IOException ex) {
			fields.put("?", "unreadable");
		}
		return fields;
	}

	private static final Set<String> WORDS_AND_LAYOUT = Set.of("id", "label", "description", "layout", "text",
			"appearance", "placeholder", "components", "properties");

	private static void behaviour(JsonNode components, Map<String, String> fields) {
		for (JsonNode component : components) {
			String key = component.hasNonNull("key") ? component.get("key").asText()
					: component.hasNonNull("path") ? component.get("path").asText() : null;
			if (key != null) {
				com.fasterxml.jackson.databind.node.ObjectNode rules = JSON.createObjectNode();
				component.fields().forEachRemaining((entry) -> {
					if (!WORDS_AND_LAYOUT.contains(entry.getKey())) {
						rules.set(entry.getKey(), entry.getValue());
					}
				});
				fields.put(key, rules.toString());
			}
			else if (component.has("conditional")) {
				// a group's condition hides the fields in it
				fields.put("group " + component.path("id").asText(), component.get("conditional").toString());
			}
			if (component.has("components")) {
				behaviour(component.path("components"), fields);
			}
		}
	}

	String formId() {
		return this.formId;
	}

	Set<String> fieldKeys() {
		return this.fields.keySet();
	}

	/**
	 * Checks a submission; {@code current} gives the value a field has now (what the form shows), for required
	 * fields left out and for disabled fields sent back.
	 * @throws InvalidLifecycleInputException naming the first offending field
	 */
	void check(Map<String, ?> submission, Function<String, Object> current) {
		Map<String, Object> submitted = typed(submission);
		for (Map.Entry<String, ?> entry : submitted.entrySet()) {
			Field field = this.fields.get(entry.getKey());
			if (field == null) {
				throw new InvalidLifecycleInputException(entry.getKey(),
						"is not a field of the form '" + this.formId + "'");
			}
			refuseOpaque(field.key(), entry.getValue());
		}
		// what the form shows once these values are in: its conditions decide what is hidden and what read-only
		Map<String, Object> shown = shownValues(submitted, current);
		Set<String> hidden = new LinkedHashSet<>();
		for (Field field : this.fields.values()) {
			if (field.hiddenWhen().stream().anyMatch((condition) -> FormConditions.holds(condition, shown))) {
				hidden.add(field.key());
			}
		}
		for (Map.Entry<String, ?> entry : submitted.entrySet()) {
			Field field = this.fields.get(entry.getKey());
			Object value = plain(entry.getValue());
			if (hidden.contains(field.key())) {
				if (!isEmpty(value)) {
					throw new InvalidLifecycleInputException(field.key(), "is hidden in the form and takes no value");
				}
				continue;
			}
			// a disabled field is shown for information; a read-only one keeps its value and is still validated
			if (field.disabled() || field.readonly() || FormConditions.holds(field.readonlyWhen(), shown)) {
				if (!sameValue(value, plain(current.apply(field.key())))) {
					throw new InvalidLifecycleInputException(field.key(),
							"is shown for information only and cannot be changed");
				}
				if (field.disabled()) {
					continue;
				}
			}
			if (field.row() != null) {
				field.checkRows(value, plain(current.apply(field.key())));
				continue;
			}
			field.checkValue(value);
		}
		for (Field field : this.fields.values()) {
			if (field.required() && !field.disabled() && !hidden.contains(field.key())) {
				Object value = submitted.containsKey(field.key()) ? plain(submitted.get(field.key()))
						: plain(current.apply(field.key()));
				if (isEmpty(value)) {
					throw new InvalidLifecycleInputException(field.key(), "is required");
				}
			}
		}
	}

	/**
	 * Checks values as the form's fields would take them, without asking for the form's other fields: terms handed on
	 * from a form filled earlier.
	 * @throws InvalidLifecycleInputException naming the first offending field
	 */
	void checkValues(Map<String, ?> values) {
		for (Map.Entry<String, Object> entry : typed(values).entrySet()) {
			Field field = this.fields.get(entry.getKey());
			if (field == null) {
				throw new InvalidLifecycleInputException(entry.getKey(),
						"is not a field of the form '" + this.formId + "'");
			}
			refuseOpaque(field.key(), entry.getValue());
			if (field.row() != null) {
				field.checkRows(plain(entry.getValue()), null);
				continue;
			}
			field.checkValue(plain(entry.getValue()));
		}
	}

	/** Every field's value as the form shows it: the submitted one, else the current one; JSON as lists and maps. */
	private Map<String, Object> shownValues(Map<String, Object> submitted, Function<String, Object> current) {
		Map<String, Object> shown = new LinkedHashMap<>();
		for (Field field : this.fields.values()) {
			Object value = submitted.containsKey(field.key()) ? plain(submitted.get(field.key()))
					: plain(current.apply(field.key()));
			if (value instanceof SpinJsonNode json) {
				try {
					value = JSON.readValue(json.toString(), Object.class);
				}
				catch (IOException ex) {
					value = null;
				}
			}
			shown.put(field.key(), value);
		}
		return shown;
	}

	/** The submitted values as sent, without deserializing what must not be deserialized. */
	private static Map<String, Object> typed(Map<String, ?> submission) {
		Map<String, Object> typed = new LinkedHashMap<>();
		if (submission instanceof VariableMap variables) {
			variables.keySet().forEach((name) -> typed.put(name, variables.getValueTyped(name)));
		}
		else {
			typed.putAll(submission);
		}
		return typed;
	}

	/** Form fields hold text, numbers, booleans, dates or lists: no Java objects, files or bytes. */
	private static void refuseOpaque(String key, Object value) {
		if (value instanceof ObjectValue || value instanceof FileValue || value instanceof BytesValue
				|| (value != null && !(value instanceof TypedValue) && !isPlainValue(value))) {
			throw new InvalidLifecycleInputException(key,
					"must be text, a number, true/false, a date or a list, as the form enters it");
		}
	}

	private static boolean isPlainValue(Object value) {
		return value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Date
				|| value instanceof SpinJsonNode || value instanceof Collection<?>;
	}

	private static Object plain(Object value) {
		return (value instanceof TypedValue typed) ? typed.getValue() : value;
	}

	private static boolean isEmpty(Object value) {
		if (value == null) {
			return true;
		}
		if (value instanceof String text) {
			return text.isBlank();
		}
		if (value instanceof Collection<?> collection) {
			return collection.isEmpty();
		}
		if (value instanceof SpinJsonNode json) {
			return json.isNull() || (json.isArray() && json.elements().isEmpty())
					|| (json.isString() && json.stringValue().isBlank());
		}
		return false;
	}

	/** The same value of the same kind: a number sent back as text, or text as JSON, is a change. */
	private static boolean sameValue(Object submitted, Object current) {
		if (isEmpty(submitted) && isEmpty(current)) {
			return true;
		}
		if (submitted == null || current == null) {
			return false;
		}
		if (submitted instanceof Number a && current instanceof Number b) {
			try {
				return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
			}
			catch (NumberFormatException ex) {
				return false;
			}
		}
		if (submitted instanceof SpinJsonNode a && current instanceof SpinJsonNode b) {
			return a.toString().equals(b.toString());
		}
		return submitted.getClass() == current.getClass() && Objects.equals(submitted, current);
	}

	/** How long one value may take to test against a form's pattern: a pattern that backtracks without end stops. */
	static final long PATTERN_BUDGET_NANOS = 50_000_000L;

	/** The pattern found in the text, as form-js tests it, within the time budget (else the value is refused). */
	static boolean matches(Pattern pattern, String text) {
		long deadline = System.nanoTime() + PATTERN_BUDGET_NANOS;
		try {
			return pattern.matcher(new TimedText(text, deadline)).find();
		}
		catch (PatternTimeout ex) {
			return false;
		}
	}

	/** Text that stops a match running past its deadline: the regex engine reads it a character at a time. */
	private record TimedText(CharSequence text, long deadline) implements CharSequence {

		@Override
		public char charAt(int index) {
			if (System.nanoTime() > this.deadline) {
				throw new PatternTimeout();
			}
			return this.text.charAt(index);
		}

		@Override
		public int length() {
			return this.text.length();
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			return new TimedText(this.text.subSequence(start, end), this.deadline);
		}

		@Override
		public String toString() {
			return this.text.toString();
		}

	}

	private static final class PatternTimeout extends RuntimeException {

		PatternTimeout() {
			super(null, null, false, false);
		}

	}

	/** One keyed form field and its validation rules. */
	private record Field(String key, String type, String subtype, boolean disabled, boolean required,
			Set<String> values, Integer minLength, Integer maxLength, BigDecimal min, BigDecimal max,
			Integer decimalDigits, Map<String, Field> row, boolean fixedRows, Pattern pattern, boolean email,
			List<String> hiddenWhen, boolean readonly, String readonlyWhen) {

		static Field of(JsonNode component, List<String> hiddenWhen) {
			JsonNode validate = component.path("validate");
			Set<String> values = new LinkedHashSet<>();
			component.path("values").forEach((option) -> values.add(option.path("value").asText()));
			return new Field(component.path("key").asText(), component.path("type").asText(),
					component.path("subtype").asText(null), component.path("disabled").asBoolean(false),
					validate.path("required").asBoolean(false), values, integer(validate, "minLength"),
					integer(validate, "maxLength"), decimal(validate, "min"), decimal(validate, "max"),
					integer(component, "decimalDigits"), null, false,
					validate.hasNonNull("pattern") ? Pattern.compile(validate.get("pattern").asText()) : null,
					"email".equals(validate.path("validationType").asText()), List.copyOf(hiddenWhen),
					component.path("readonly").isBoolean() && component.path("readonly").asBoolean(),
					component.path("readonly").isTextual() ? component.path("readonly").asText() : null);
		}

		/** A dynamic list: rows of the given fields; without add and remove, the rows are those it was given. */
		static Field rows(JsonNode component, Map<String, Field> row, List<String> hiddenWhen) {
			return new Field(component.path("path").asText(), "dynamiclist", null,
					component.path("disabled").asBoolean(false) || component.path("readonly").asBoolean(false),
					false, Set.of(), null, null, null, null, null, row,
					!component.path("allowAddRemove").asBoolean(false), null, false, List.copyOf(hiddenWhen), false, null);
		}

		/** Each row holds only the row's fields; what a row shows for information comes back unchanged. */
		void checkRows(Object value, Object current) {
			if (value == null) {
				return;
			}
			List<Object> rows = items(value);
			List<Object> shown = (current != null) ? items(current) : null;
			if (this.fixedRows && shown != null && rows.size() != shown.size()) {
				throw invalid("must keep its " + shown.size() + " rows");
			}
			for (int i = 0; i < rows.size(); i++) {
				Map<String, Object> cells = cells(rows.get(i), this.key + "[" + i + "]");
				Map<String, Object> before = (shown != null && i < shown.size())
						? cells(shown.get(i), this.key + "[" + i + "]") : Map.of();
				for (Map.Entry<String, Object> cell : cells.entrySet()) {
					Field field = this.row.get(cell.getKey());
					String name = this.key + "[" + i + "]." + cell.getKey();
					if (field == null) {
						throw new InvalidLifecycleInputException(name, "is not a field of the list");
					}
					if (field.disabled() || field.readonly()) {
						if (shown != null && !sameValue(cell.getValue(), before.get(cell.getKey()))) {
							throw new InvalidLifecycleInputException(name,
									"is shown for information only and cannot be changed");
						}
						if (field.disabled()) {
							continue;
						}
					}
					try {
						field.checkValue(cell.getValue());
					}
					catch (InvalidLifecycleInputException ex) {
						throw new InvalidLifecycleInputException(name, ex.getMessage().substring(field.key().length() + 2));
					}
				}
				for (Field field : this.row.values()) {
					if (field.required() && !field.disabled() && isEmpty(cells.get(field.key()))) {
						throw new InvalidLifecycleInputException(this.key + "[" + i + "]." + field.key(), "is required");
					}
				}
			}
		}

		/** A row's values as plain Java values: text, numbers, true/false, lists as JSON. */
		private static Map<String, Object> cells(Object row, String name) {
			Map<String, Object> cells = new LinkedHashMap<>();
			if (row instanceof SpinJsonNode json && json.isObject()) {
				for (String field : json.fieldNames()) {
					SpinJsonNode cell = json.prop(field);
					cells.put(field, cell.isNull() ? null : cell.isString() ? cell.stringValue()
							: cell.isNumber() ? cell.numberValue() : cell.isBoolean() ? cell.boolValue() : cell);
				}
				return cells;
			}
			if (row instanceof Map<?, ?> map) {
				map.forEach((field, cell) -> cells.put(String.valueOf(field), cell));
				return cells;
			}
			throw new InvalidLifecycleInputException(name, "must be a row of the list's fields");
		}

		private static Integer integer(JsonNode node, String name) {
			return node.hasNonNull(name) ? node.get(name).asInt() : null;
		}

		private static BigDecimal decimal(JsonNode node, String name) {
			return node.hasNonNull(name) ? node.get(name).decimalValue() : null;
		}

		void checkValue(Object value) {
			if (value == null) {
				return;
			}
			switch (this.type) {
				case "textfield", "textarea" -> checkText(value);
				case "radio", "select" -> checkOption(value);
				case "checklist", "taglist" -> items(value).forEach(this::checkItem);
				case "number" -> checkNumber(value);
				case "checkbox" -> {
					if (!(value instanceof Boolean)) {
						throw invalid("must be true or false");
					}
				}
				case "datetime" -> checkDate(value);
				default -> {
				}
			}
		}

		private void checkText(Object value) {
			if (!(value instanceof String text)) {
				throw invalid("must be text");
			}
			int most = (this.maxLength != null) ? this.maxLength : DEFAULT_MAX_LENGTH;
			if (text.length() > most) {
				throw invalid("is longer than " + most + " characters");
			}
			if (this.minLength != null && !text.isEmpty() && text.length() < this.minLength) {
				throw invalid("is shorter than " + this.minLength + " characters");
			}
			// as form-js tests them: the pattern found in the text, an e-mail address as a whole
			if (this.pattern != null && !text.isEmpty() && !matches(this.pattern, text)) {
				throw invalid("must match the pattern " + this.pattern.pattern());
			}
			if (this.email && !text.isEmpty() && !EMAIL.matcher(text).matches()) {
				throw invalid("must be an e-mail address such as name@example.org");
			}
		}

		/** A radio or select takes one of its values, as text: never JSON, a number or a list. */
		private void checkOption(Object value) {
			if (!(value instanceof String)) {
				throw invalid("must be one of " + this.values + " as text");
			}
			checkChoice((String) value);
		}

		/** A checklist or taglist item: one of the values, as text (Tasklist sends the list as JSON). */
		private void checkItem(Object item) {
			if (item instanceof SpinJsonNode json && json.isString()) {
				checkChoice(json.stringValue());
			}
			else if (item instanceof String text) {
				checkChoice(text);
			}
			else {
				throw invalid("must list values of " + this.values + " as text");
			}
		}

		private void checkChoice(String text) {
			if (text.isEmpty() || this.values.isEmpty()) {
				return;
			}
			if (!this.values.contains(text)) {
				throw invalid("unknown value '" + text + "', expected one of " + this.values);
			}
		}

		private void checkNumber(Object value) {
			BigDecimal number;
			if (!(value instanceof Number n)) {
				throw invalid("must be a number");
			}
			try {
				number = new BigDecimal(n.toString());
			}
			catch (NumberFormatException ex) {
				throw invalid("must be a finite number, not " + n);
			}
			if (this.min != null && number.compareTo(this.min) < 0) {
				throw invalid("must be at least " + this.min.toPlainString());
			}
			if (this.max != null && number.compareTo(this.max) > 0) {
				throw invalid("must be at most " + this.max.toPlainString());
			}
			if (this.decimalDigits != null && number.stripTrailingZeros().scale() > this.decimalDigits) {
				throw invalid("must have at most " + this.decimalDigits + " decimal digits");
			}
		}

		private void checkDate(Object value) {
			if (value instanceof Date) {
				return;
			}
			if (!(value instanceof String text)) {
				throw invalid("must be a date such as 2025-06-30");
			}
			if (text.isBlank() || !"date".equals(this.subtype)) {
				return;
			}
			try {
				LocalDate.parse(text);
			}
			catch (DateTimeParseException ex) {
				throw invalid("'" + text + "' is not a date such as 2025-06-30");
			}
		}

		private List<Object> items(Object value) {
			List<Object> items = new ArrayList<>();
			if (value instanceof SpinJsonNode json) {
				if (!json.isArray()) {
					throw invalid("must be a list");
				}
				json.elements().forEach(items::add);
			}
			else if (value instanceof Collection<?> collection) {
				items.addAll(collection);
			}
			else if (value instanceof String text) {
				for (String item : text.split(",")) {
					items.add(item.strip());
				}
			}
			else {
				throw invalid("must be a list");
			}
			return items;
		}

		private InvalidLifecycleInputException invalid(String problem) {
			return new InvalidLifecycleInputException(this.key, problem);
		}

	}

}
