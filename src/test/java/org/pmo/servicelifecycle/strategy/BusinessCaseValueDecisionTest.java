package org.pmo.servicelifecycle.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pmo.servicelifecycle.review.DecisionTables;

/** {@code dmn/business-case-value.dmn}: the weighted strategic value, and every rule of the business case's strength. */
class BusinessCaseValueDecisionTest {

	private static final DecisionTables TABLES = new DecisionTables("/dmn/business-case-value.dmn");

	@Test
	void weighsContributionsByTheObjectivesWeights() {
		// weights 8 and 2; scores 5 and 0: 40 of the 50 points the two could give
		assertThat(strategicValue(List.of(contribution(8, 5), contribution(2, 0)))).isEqualTo(80.0);
		assertThat(strategicValue(List.of(contribution(8, 0), contribution(2, 5)))).isEqualTo(20.0);
		assertThat(strategicValue(List.of(contribution(5, 3), contribution(5, 3), contribution(5, 3)))).isEqualTo(60.0);
		assertThat(strategicValue(List.of(contribution(7, 5)))).isEqualTo(100.0);
	}

	@Test
	void isNothingWithoutObjectives() {
		assertThat(strategicValue(List.of())).isEqualTo(0.0);
	}

	@ParameterizedTest(name = "value {0}, cost {1}: {2} by {3}")
	@CsvSource({ "0, 50000, weak, Rule_NoStrategicValue", "19, 0, weak, Rule_NoStrategicValue",
			"20, 0, strong, Rule_FreeAndValuable", "60, 60000, strong, Rule_StrongCase",
			"60, 300000, weak, Rule_ExpensiveCase", "40, 200000, weak, Rule_ExpensiveCase",
			"40, 40000, fair, Rule_FairCase", "80, 100000, fair, Rule_FairCase" })
	void ratesTheBusinessCase(int score, double annualCost, String strength, String rule) {
		Map<String, Object> inputs = new HashMap<>();
		inputs.put("contributions", scaledTo(score));
		inputs.put("annualCost", annualCost);
		DmnDecisionResultEntries result = TABLES.evaluate(BusinessCaseDecisions.BUSINESS_CASE_STRENGTH, inputs)
			.getSingleResult();

		assertThat(result.<String>getEntry("businessCaseStrength")).isEqualTo(strength);
		assertThat(result.<String>getEntry("businessCaseReason")).isNotBlank();
		assertThat(TABLES.matchedRules()).containsExactly(rule);
	}

	@AfterAll
	static void everyRuleHasATest() {
		assertThat(TABLES.everMatched()).containsAll(TABLES.ruleIds(BusinessCaseDecisions.BUSINESS_CASE_STRENGTH));
	}

	private static Double strategicValue(List<Map<String, Object>> contributions) {
		Object value = TABLES.evaluate(BusinessCaseDecisions.STRATEGIC_VALUE, Map.of("contributions", contributions))
			.getSingleResult()
			.getSingleEntry();
		return ((Number) value).doubleValue();
	}

	/** Two objectives whose weights add up to 100, the first scored 5 and the other 0: the value is that weight. */
	private static List<Map<String, Object>> scaledTo(int value) {
		return List.of(contribution(value, 5), contribution(100 - value, 0));
	}

	private static Map<String, Object> contribution(int weight, int score) {
		return Map.of("weight", weight, "score", score);
	}

}
