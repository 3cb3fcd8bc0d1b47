package org.pmo.servicelifecycle.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Tasklist's form script, served with the one test that kept Complete disabled on forms with dynamic lists. */
class TasklistDynamicListsTests {

	@Test
	void theScriptCountsOnlyFieldsWithErrors() throws Exception {
		byte[] patched = TasklistDynamicLists.patched();

		assertThat(patched).as("Tasklist 7.24's script holds the test once").isNotNull();
		String script = new String(patched, StandardCharsets.UTF_8);
		assertThat(script).doesNotContain(TasklistDynamicLists.KEY_COUNT).containsOnlyOnce(TasklistDynamicLists.ERROR_COUNT);
	}

}
