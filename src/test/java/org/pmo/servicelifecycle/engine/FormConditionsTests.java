package org.pmo.servicelifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.WebTestSupport;
import org.pmo.servicelifecycle.lifecycle.InvalidLifecycleInputException;

/**
 * What a REST client may not get past, though Tasklist's form-js never sends it: a value for a hidden field, a
 * changed read-only value; and what the conditions free: a hidden required field left out. Evaluated with the
 * engine's FEEL, as the conformance test shows form-js does.
 */
class FormConditionsTests extends WebTestSupport {

	private static final String FORM = """
			{ "id": "conditions", "type": "default", "components": [
			  { "id": "F_answer", "key": "answer", "type": "radio", "validate": { "required": true },
			    "values": [ { "label": "Yes", "value": "yes" }, { "label": "No", "value": "no" } ] },
			  { "id": "F_reason", "key": "reason", "type": "textarea", "validate": { "required": true },
			    "conditional": { "hide": "=answer = \\"yes\\"" } },
			  { "id": "F_locked", "key": "locked", "type": "textfield", "readonly": "=answer = \\"no\\"" },
			  { "id": "F_code", "key": "code", "type": "textfield", "validate": { "pattern": "^[A-Z]+$" } },
			  { "id": "F_mail", "key": "mail", "type": "textfield", "validate": { "validationType": "email" } }
			] }""";

	@Test
	void shouldFreeAHiddenRequiredFieldAndRefuseAValueForIt() {
		assertThat(refusal(Map.of("answer", "yes"), Map.of())).isNull();
		assertThat(refusal(Map.of("answer", "no"), Map.of())).isEqualTo("reason: is required");
		assertThat(refusal(Map.of("answer", "yes", "reason", "Sent anyway"), Map.of()))
			.isEqualTo("reason: is hidden in the form and takes no value");
		// the condition reads what the task holds when the submission leaves the field out
		assertThat(refusal(Map.of("reason", "Sent anyway"), Map.of("answer", "yes")))
			.isEqualTo("reason: is hidden in the form and takes no value");
	}

	@Test
	void shouldKeepAFieldReadOnlyWhileItsConditionHolds() {
		assertThat(refusal(Map.of("answer", "no", "reason", "r", "locked", "changed"), Map.of("locked", "kept")))
			.isEqualTo("locked: is shown for information only and cannot be changed");
		assertThat(refusal(Map.of("answer", "no", "reason", "r", "locked", "kept"), Map.of("locked", "kept"))).isNull();
		assertThat(refusal(Map.of("answer", "yes", "locked", "changed"), Map.of("locked", "kept"))).isNull();
	}

	@Test
	void shouldTestPatternsAndAddressesAsFormJsDoes() {
		assertThat(refusal(Map.of("answer", "yes", "code", "PMO"), Map.of())).isNull();
		assertThat(refusal(Map.of("answer", "yes", "code", "pmo"), Map.of())).startsWith("code: must match the pattern");
		assertThat(refusal(Map.of("answer", "yes", "mail", "anna@example.org"), Map.of())).isNull();
		assertThat(refusal(Map.of("answer", "yes", "mail", "anna"), Map.of())).startsWith("mail: must be an e-mail");
	}

	@Test
	void shouldStopAPatternThatBacktracksWithoutEnd() {
		// unbounded, this match would run for hours: refused once its budget is spent
		java.util.regex.Pattern evil = java.util.regex.Pattern.compile("^(a+)+$");
		assertThat(FormContract.matches(evil, "a".repeat(40) + "!")).isFalse();
		assertThat(FormContract.matches(evil, "aaaa")).isTrue();
	}

	@Test
	void shouldRefuseConditionsOutsideTheEnginesCommands() {
		FormContract contract = FormContract.parse(FORM.getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> contract.check(Map.of("answer", "yes"), (name) -> null))
			.isInstanceOf(IllegalStateException.class);
	}

	private String refusal(Map<String, Object> submitted, Map<String, Object> current) {
		FormContract contract = FormContract.parse(FORM.getBytes(StandardCharsets.UTF_8));
		Map<String, Object> held = new HashMap<>(current);
		try {
			((ProcessEngineConfigurationImpl) this.engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
				.execute((context) -> {
					contract.check(submitted, held::get);
					return null;
				});
			return null;
		}
		catch (InvalidLifecycleInputException ex) {
			return ex.getMessage();
		}
	}

}
