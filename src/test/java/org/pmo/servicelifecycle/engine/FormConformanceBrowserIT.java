package org.pmo.servicelifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.browser.Browser;
import org.pmo.servicelifecycle.browser.ChromiumTest;
import org.pmo.servicelifecycle.lifecycle.InvalidLifecycleInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The server checks a form as Tasklist does: the same submissions go through form-js (the one the Camunda webapps
 * ship, in headless Chromium) and through the server's check, and the verdicts agree, for every form in
 * {@code forms/} and for an edited form that uses each rule (required, lengths, range, pattern, e-mail, hide
 * conditions on a field and on a group, read-only fields, a read-only condition, a checklist, a dynamic list and a
 * default value).
 */
@ChromiumTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FormConformanceBrowserIT {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Finds form-js's Form in the webapps' bundle (by what it is) and fills one form with the given data. */
	private static final String SUBMIT_THROUGH_FORM_JS = """
			var done = arguments[arguments.length - 1];
			try {
			  if (!window.PmoFormJs) {
			    self.webpackChunkcamunda_bpm_webapp.push([['pmo-form-js'], {}, function (load) {
			      Object.keys(load.m).some(function (id) {
			        var source = String(load.m[id]);
			        if (source.indexOf('ConditionChecker') < 0 || source.indexOf('importSchema') < 0) { return false; }
			        var exported = load(id);
			        Object.keys(exported).forEach(function (name) {
			          var candidate = exported[name];
			          if (typeof candidate === 'function' && candidate.prototype && candidate.prototype.submit
			              && candidate.prototype.importSchema && candidate.prototype.validate) { window.PmoFormJs = candidate; }
			        });
			        return !!window.PmoFormJs;
			      });
			    }]);
			  }
			  var container = document.createElement('div');
			  document.body.appendChild(container);
			  var form = new window.PmoFormJs({ container: container });
			  form.importSchema(JSON.parse(arguments[0]), JSON.parse(arguments[1])).then(function () {
			    // the fields take part in validation once rendered, as when a person clicks Complete
			    setTimeout(function () {
			      var result = form.submit();
			      form.destroy();
			      container.remove();
			      done(JSON.stringify({ errors: result.errors, data: result.data }));
			    }, 250);
			  }).catch(function (error) { done(JSON.stringify({ failure: String(error) })); });
			} catch (error) { done(JSON.stringify({ failure: String(error) })); }
			""";

	@LocalServerPort
	private int port;

	@Autowired
	private ProcessEngineConfigurationImpl configuration;

	@Test
	void shouldGiveTheVerdictsOfTasklistsFormJsForEveryFormAndRule() throws Exception {
		List<Case> cases = new ArrayList<>();
		for (Path file : forms()) {
			JsonNode schema = JSON.readTree(file.toFile());
			cases.add(new Case(file.getFileName().toString(), "empty", schema, JSON.createObjectNode()));
			cases.add(new Case(file.getFileName().toString(), "filled", schema, fill(schema, 0)));
			cases.add(new Case(file.getFileName().toString(), "filled otherwise", schema, fill(schema, 1)));
		}
		JsonNode rules = everyRule();
		rulesCases(rules).forEach((name, data) -> cases.add(new Case("every-rule.form", name, rules, data)));

		List<String> verdicts = new ArrayList<>();
		List<String> disagreements = new ArrayList<>();
		try (Browser browser = Browser.open("http://localhost:" + this.port, "form-js", 1200, 900)) {
			browser.driver().manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(30));
			browser.go("/camunda/app/welcome/default/");
			browser.waitUntil("the webapps' bundle", (d) -> Boolean.TRUE.equals(browser
				.script("return !!(self.webpackChunkcamunda_bpm_webapp && self.webpackChunkcamunda_bpm_webapp.length > 1);")));
			for (Case check : cases) {
				JsonNode formJs = JSON.readTree((String) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
					.executeAsyncScript(SUBMIT_THROUGH_FORM_JS, check.schema().toString(), check.data().toString()));
				assertThat(formJs.has("failure")).as(check + ": " + formJs).isFalse();
				boolean formJsAccepts = errorsIn(formJs.path("errors")).isEmpty();
				String serverRefusal = serverRefusal(check.schema(), formJs.path("data"), check.data());
				String line = String.format("%-22s %-28s form-js %-7s server %-7s %s", check.form(), check.name(),
						formJsAccepts ? "accepts" : "refuses", (serverRefusal == null) ? "accepts" : "refuses",
						formJsAccepts ? ((serverRefusal == null) ? "" : serverRefusal) : errorsIn(formJs.path("errors")));
				verdicts.add(line);
				if (formJsAccepts != (serverRefusal == null)) {
					disagreements.add(line + " data " + formJs.path("data"));
				}
			}
		}
		System.out.println("[form-conformance] " + cases.size() + " submissions\n" + String.join("\n", verdicts));
		assertThat(disagreements).as("verdicts that differ").isEmpty();
		assertThat(verdicts).as("both verdicts occur").anySatisfy((line) -> assertThat(line).contains("form-js accepts"))
			.anySatisfy((line) -> assertThat(line).contains("form-js refuses"));
	}

	/**
	 * What the server says to the data form-js submits: the fields' values as Tasklist sends them (lists and rows as
	 * JSON), against the values the task had (the data the form was opened with).
	 */
	private String serverRefusal(JsonNode schema, JsonNode submitted, JsonNode opened) {
		FormContract contract = FormContract.parse(schema.toString().getBytes(StandardCharsets.UTF_8));
		Map<String, Object> submission = values(submitted);
		Map<String, Object> current = values(opened);
		try {
			this.configuration.getCommandExecutorTxRequired().execute((context) -> {
				contract.check(submission, current::get);
				return null;
			});
			return null;
		}
		catch (InvalidLifecycleInputException ex) {
			return ex.getMessage();
		}
	}

	private static Map<String, Object> values(JsonNode data) {
		Map<String, Object> values = new LinkedHashMap<>();
		data.fields().forEachRemaining((entry) -> values.put(entry.getKey(), value(entry.getValue())));
		return values;
	}

	private static Object value(JsonNode node) {
		if (node.isArray() || node.isObject()) {
			return Spin.JSON(node.toString());
		}
		if (node.isIntegralNumber()) {
			return node.asLong();
		}
		if (node.isNumber()) {
			return node.asDouble();
		}
		if (node.isBoolean()) {
			return node.asBoolean();
		}
		return node.isNull() ? null : node.asText();
	}

	private static List<String> errorsIn(JsonNode errors) {
		List<String> found = new ArrayList<>();
		errors.fields().forEachRemaining((entry) -> {
			if (entry.getValue().isArray() && !entry.getValue().isEmpty()) {
				found.add(entry.getKey() + ": " + entry.getValue().get(0).asText());
			}
			else if (entry.getValue().isTextual()) {
				found.add(entry.getKey() + ": " + entry.getValue().asText());
			}
		});
		return found;
	}

	/** Every keyed field filled: the first option, text, a number; {@code variant} 1 takes other values. */
	private static ObjectNode fill(JsonNode schema, int variant) {
		ObjectNode data = JSON.createObjectNode();
		fill(schema.path("components"), data, variant);
		return data;
	}

	private static void fill(JsonNode components, ObjectNode data, int variant) {
		for (JsonNode component : components) {
			String type = component.path("type").asText();
			if ("dynamiclist".equals(type)) {
				ObjectNode row = JSON.createObjectNode();
				fill(component.path("components"), row, variant);
				data.set(component.path("path").asText(), JSON.createArrayNode().add(row));
				continue;
			}
			if (component.has("components")) {
				fill(component.path("components"), data, variant);
			}
			if (!component.hasNonNull("key")) {
				continue;
			}
			String key = component.get("key").asText();
			JsonNode options = component.path("values");
			switch (type) {
				case "textfield", "textarea" -> data.put(key, (variant == 0) ? "Sample text for " + key : "x");
				case "number" -> data.put(key, (variant == 0) ? 3 : 100000);
				case "radio", "select" -> {
					if (options.size() > 0) {
						data.put(key, options.get(Math.min(variant, options.size() - 1)).path("value").asText());
					}
				}
				case "checklist", "taglist" -> {
					ArrayNode items = JSON.createArrayNode();
					if (options.size() > 0) {
						items.add(options.get(Math.min(variant, options.size() - 1)).path("value").asText());
					}
					data.set(key, items);
				}
				case "checkbox" -> data.put(key, variant == 0);
				case "datetime" -> data.put(key, (variant == 0) ? "2027-06-30" : "2030-01-01");
				default -> {
				}
			}
		}
	}

	/** An edited form with each rule form-js knows and the server checks. */
	private static JsonNode everyRule() throws IOException {
		return JSON.readTree("""
				{ "id": "every-rule", "type": "default", "schemaVersion": 16, "components": [
				  { "id": "F_name", "key": "name", "type": "textfield", "label": "Name",
				    "validate": { "required": true, "minLength": 3, "maxLength": 10 } },
				  { "id": "F_code", "key": "code", "type": "textfield", "label": "Code",
				    "validate": { "pattern": "^[A-Z]{3}-[0-9]+$" } },
				  { "id": "F_mail", "key": "mail", "type": "textfield", "label": "Mail", "validate": { "validationType": "email" } },
				  { "id": "F_count", "key": "count", "type": "number", "label": "Count", "validate": { "min": 1, "max": 5 } },
				  { "id": "F_answer", "key": "answer", "type": "radio", "label": "Answer", "validate": { "required": true },
				    "values": [ { "label": "Yes", "value": "yes" }, { "label": "No", "value": "no" } ] },
				  { "id": "F_reason", "key": "reason", "type": "textarea", "label": "Reason", "validate": { "required": true },
				    "conditional": { "hide": "=answer = \\"yes\\"" } },
				  { "id": "F_more", "type": "group", "label": "More", "conditional": { "hide": "=answer != \\"yes\\"" },
				    "components": [ { "id": "F_detail", "key": "detail", "type": "textfield", "label": "Detail",
				      "validate": { "required": true } } ] },
				  { "id": "F_fixed", "key": "fixed", "type": "textfield", "label": "Fixed", "readonly": true },
				  { "id": "F_locked", "key": "locked", "type": "textfield", "label": "Locked", "readonly": "=answer = \\"no\\"",
				    "validate": { "maxLength": 4 } },
				  { "id": "F_topics", "key": "topics", "type": "checklist", "label": "Topics", "validate": { "required": true },
				    "values": [ { "label": "A", "value": "a" }, { "label": "B", "value": "b" } ] },
				  { "id": "F_rows", "type": "dynamiclist", "path": "rows", "label": "Rows", "isRepeating": true,
				    "allowAddRemove": true, "defaultRepetitions": 1,
				    "components": [ { "id": "F_cell", "key": "cell", "type": "textfield", "label": "Cell",
				      "validate": { "required": true, "maxLength": 5 } } ] },
				  { "id": "F_preset", "key": "preset", "type": "textfield", "label": "Preset", "defaultValue": "ready",
				    "validate": { "required": true } }
				] }""");
	}

	private static Map<String, JsonNode> rulesCases(JsonNode rules) throws IOException {
		String valid = """
				{ "name": "Anna", "answer": "no", "reason": "Because", "topics": ["a"], "rows": [ { "cell": "ok" } ],
				  "fixed": "given", "locked": "kept" }""";
		Map<String, String> cases = new LinkedHashMap<>();
		cases.put("valid", valid);
		cases.put("name too short", valid.replace("\"Anna\"", "\"An\""));
		cases.put("name too long", valid.replace("\"Anna\"", "\"Anna Maria Berg\""));
		cases.put("name missing", valid.replace("\"name\": \"Anna\", ", ""));
		cases.put("code matches", valid.replace("{ \"name\"", "{ \"code\": \"PMO-12\", \"name\""));
		cases.put("code does not match", valid.replace("{ \"name\"", "{ \"code\": \"pmo-12\", \"name\""));
		cases.put("mail is an address", valid.replace("{ \"name\"", "{ \"mail\": \"anna@example.org\", \"name\""));
		cases.put("mail is not an address", valid.replace("{ \"name\"", "{ \"mail\": \"anna at example\", \"name\""));
		cases.put("count in range", valid.replace("{ \"name\"", "{ \"count\": 5, \"name\""));
		cases.put("count above max", valid.replace("{ \"name\"", "{ \"count\": 6, \"name\""));
		cases.put("count below min", valid.replace("{ \"name\"", "{ \"count\": 0, \"name\""));
		cases.put("no: reason missing", valid.replace("\"reason\": \"Because\", ", ""));
		cases.put("yes: reason hidden", valid.replace("\"no\"", "\"yes\"").replace("\"reason\": \"Because\", ", "")
			.replace("{ \"name\"", "{ \"detail\": \"More\", \"name\""));
		cases.put("yes: hidden reason kept", valid.replace("\"no\"", "\"yes\"")
			.replace("{ \"name\"", "{ \"detail\": \"More\", \"name\""));
		cases.put("yes: group detail missing", valid.replace("\"no\"", "\"yes\"").replace("\"reason\": \"Because\", ", ""));
		cases.put("no: locked too long", valid.replace("\"kept\"", "\"kept long\""));
		cases.put("yes: locked too long", valid.replace("\"no\"", "\"yes\"").replace("\"kept\"", "\"kept long\"")
			.replace("{ \"name\"", "{ \"detail\": \"More\", \"name\""));
		cases.put("topics empty", valid.replace("[\"a\"]", "[]"));
		cases.put("row cell missing", valid.replace("{ \"cell\": \"ok\" }", "{ }"));
		cases.put("row cell too long", valid.replace("\"ok\"", "\"too long\""));
		cases.put("two rows", valid.replace("{ \"cell\": \"ok\" }", "{ \"cell\": \"ok\" }, { \"cell\": \"fine\" }"));
		cases.put("preset emptied", valid.replace("{ \"name\"", "{ \"preset\": \"\", \"name\""));
		Map<String, JsonNode> parsed = new LinkedHashMap<>();
		for (Map.Entry<String, String> entry : cases.entrySet()) {
			parsed.put(entry.getKey(), JSON.readTree(entry.getValue()));
		}
		return parsed;
	}

	private static List<Path> forms() {
		try (Stream<Path> files = Files.list(Path.of("forms"))) {
			return files.filter((file) -> file.toString().endsWith(".form")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Case(String form, String name, JsonNode schema, JsonNode data) {

		@Override
		public String toString() {
			return this.form + " / " + this.name;
		}

	}

}
