package org.pmo.servicelifecycle.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of {@code dmn/review-recommendation.dmn}, and the order in which its FIRST hit policy reads them. */
class ReviewRecommendationDecisionTest {

	private static final DecisionTables TABLES = new DecisionTables("/dmn/review-recommendation.dmn");

	@ParameterizedTest(name = "{0}: sla={1} satisfaction={2} utilisation={3} fit={4}")
	@CsvSource(nullValues = "null", textBlock = """
			# rule,                                 slaHealth, satisfaction, utilisation, fit,    recommendation
			Rule_RetireLittleDemandLowFit,          met,       4.5,          10,          low,    retire
			Rule_RetireLittleDemandLowFit,          none,      null,         19.9,        low,    retire
			Rule_RetireBreachedDissatisfiedLowFit,  breached,  2.5,          60,          low,    retire
			Rule_RetireBreachedDissatisfiedLowFit,  breached,  1,            null,        low,    retire
			Rule_TransformBreached,                 breached,  2,            50,          high,   transform
			Rule_TransformBreached,                 breached,  null,         null,        low,    transform
			Rule_TransformBreached,                 breached,  null,         null,        null,   transform
			Rule_TransformDissatisfied,             met,       2.9,          80,          high,   transform
			Rule_TransformDissatisfied,             none,      1,            null,        null,   transform
			Rule_TransformAtRiskOverloaded,         at-risk,   4,            95,          medium, transform
			Rule_TransformLittleDemand,             met,       4,            5,           high,   transform
			Rule_TransformLittleDemand,             at-risk,   null,         0,           medium, transform
			Rule_ContinueAtRisk,                    at-risk,   3,            90,          low,    continue
			Rule_ContinueAtRisk,                    at-risk,   null,         null,        null,   continue
			Rule_ContinueOtherwise,                 met,       4.2,          75,          high,   continue
			Rule_ContinueOtherwise,                 met,       3,            20,          low,    continue
			Rule_ContinueOtherwise,                 none,      null,         null,        null,   continue
			Rule_ContinueOtherwise,                 null,      null,         null,        null,   continue
			""")
	void shouldRecommendByFirstMatchingRule(String rule, String slaHealth, Double satisfaction, Double utilisation,
			String strategicFit, String recommendation) {
		// when
		DmnDecisionResultEntries result = recommend(slaHealth, satisfaction, utilisation, strategicFit);

		// then
		assertThat(TABLES.matchedRules()).first().isEqualTo(rule);
		assertThat((String) result.getEntry("recommendation")).isEqualTo(recommendation);
		assertThat((String) result.getEntry("recommendationReason")).isNotBlank();
	}

	@Test
	void shouldExplainABreach() {
		DmnDecisionResultEntries result = recommend("breached", 4.0, 70.0, "high");

		assertThat(result.getEntryMap()).containsEntry("recommendation", "transform")
			.containsEntry("recommendationReason", "Agreements breached: redesign the service so that it can keep them");
	}

	@Test
	void shouldTakeWholeNumbersAsTheFormsSubmitThem() {
		DmnDecisionResultEntries result = recommend("met", null, null, "low", Map.of("customerSatisfaction", 2L));

		assertThat((String) result.getEntry("recommendation")).isEqualTo("transform");
	}

	@AfterAll
	static void everyRuleHasATest() {
		assertThat(TABLES.everMatched()).containsAll(TABLES.ruleIds(ReviewDecisions.REVIEW_RECOMMENDATION));
	}

	private static DmnDecisionResultEntries recommend(String slaHealth, Double satisfaction, Double utilisation,
			String strategicFit) {
		return recommend(slaHealth, satisfaction, utilisation, strategicFit, Map.of());
	}

	private static DmnDecisionResultEntries recommend(String slaHealth, Double satisfaction, Double utilisation,
			String strategicFit, Map<String, Object> overrides) {
		Map<String, Object> inputs = new HashMap<>();
		inputs.put("slaHealth", slaHealth);
		inputs.put("customerSatisfaction", satisfaction);
		inputs.put("utilisation", utilisation);
		inputs.put("strategicFit", strategicFit);
		inputs.putAll(overrides);
		return TABLES.evaluate(ReviewDecisions.REVIEW_RECOMMENDATION, inputs).getSingleResult();
	}

}
