package org.pmo.servicelifecycle.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rule of {@code dmn/service-value.dmn}: the points of the value score (COLLECT, SUM) and the priority the
 * score gives (UNIQUE).
 */
class ServiceValueDecisionTest {

	private static final DecisionTables TABLES = new DecisionTables("/dmn/service-value.dmn");

	@ParameterizedTest(name = "fit={0} value={1} level={2} segments={3} -> {4} {5}")
	@CsvSource(nullValues = "null", delimiter = '|', textBlock = """
			# fit   | value | level      | segments | score | priority | rules matched
			high    | 5     | MANDATED   | 4        | 100   | high     | Rule_Baseline Rule_HighFit Rule_Value5 Rule_Mandated Rule_ManySegments Rule_PriorityHigh
			high    | 4     | ADDITIONAL | 3        | 82    | high     | Rule_Baseline Rule_HighFit Rule_Value4 Rule_ManySegments Rule_PriorityHigh
			medium  | 5     | MANDATED   | 1        | 70    | high     | Rule_Baseline Rule_MediumFit Rule_Value5 Rule_Mandated Rule_PriorityHigh
			high    | 3     | ADDITIONAL | 2        | 69    | medium   | Rule_Baseline Rule_HighFit Rule_Value3 Rule_TwoSegments Rule_PriorityMedium
			medium  | 2     | MANDATED   | 2        | 51    | medium   | Rule_Baseline Rule_MediumFit Rule_Value2 Rule_Mandated Rule_TwoSegments Rule_PriorityMedium
			low     | 5     | ADDITIONAL | 1        | 40    | medium   | Rule_Baseline Rule_Value5 Rule_PriorityMedium
			medium  | 1     | ADDITIONAL | 2        | 33    | low      | Rule_Baseline Rule_MediumFit Rule_Value1 Rule_TwoSegments Rule_PriorityLow
			low     | 3     | ADDITIONAL | 1        | 24    | low      | Rule_Baseline Rule_Value3 Rule_PriorityLow
			low     | null  | ADDITIONAL | 1        | 0     | low      | Rule_Baseline Rule_PriorityLow
			null    | null  | null       | null     | 0     | low      | Rule_Baseline Rule_PriorityLow
			""")
	void shouldScoreAndPrioritise(String strategicFit, Long valueToOrganisation, String offeringLevel,
			Integer segmentCount, int score, String priority, String rules) {
		// given
		Map<String, Object> inputs = new HashMap<>();
		inputs.put("strategicFit", strategicFit);
		inputs.put("valueToOrganisation", valueToOrganisation);
		inputs.put("offeringLevel", offeringLevel);
		inputs.put("segmentCount", segmentCount);

		// when
		DmnDecisionResultEntries result = TABLES.evaluate(ReviewDecisions.SERVICE_VALUE, inputs).getSingleResult();

		// then
		assertThat(result.getEntryMap()).containsOnly(Map.entry("valueScore", score), Map.entry("priority", priority));
		assertThat(TABLES.matchedRules()).containsExactlyInAnyOrderElementsOf(List.of(rules.split(" ")));
	}

	@AfterAll
	static void everyRuleHasATest() {
		assertThat(TABLES.everMatched()).containsAll(TABLES.ruleIds(ReviewDecisions.SERVICE_VALUE_SCORE))
			.containsAll(TABLES.ruleIds(ReviewDecisions.SERVICE_VALUE));
	}

}
