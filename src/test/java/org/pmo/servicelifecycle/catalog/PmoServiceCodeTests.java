package org.pmo.servicelifecycle.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PmoServiceCodeTests {

	@Test
	void codesAndIdsMapBothWays() {
		assertThat(PmoService.codeOf(7)).isEqualTo("SVC-0007");
		assertThat(PmoService.codeOf(12345)).isEqualTo("SVC-12345");
		assertThat(PmoService.idOf("SVC-0007")).contains(7L);
		assertThat(PmoService.idOf("SVC-12345")).contains(12345L);
	}

	@Test
	void textThatCannotBeACodeHasNoId() {
		for (String text : new String[] { null, "", "SVC-", "svc-0007", "SVC-7a", "SVC--7", " SVC-0007", "SVC-0007 ",
				"SVC-1234567890123456789" }) {
			assertThat(PmoService.idOf(text)).as(String.valueOf(text)).isEmpty();
		}
	}

}
