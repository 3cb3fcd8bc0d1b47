package org.pmo.servicelifecycle.strategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.pmo.servicelifecycle.lifecycle.ApplicationAuthority;
import org.springframework.stereotype.Component;

/**
 * The decisions of {@code dmn/business-case-value.dmn}, evaluated with today's objectives: {@code strategic-value}
 * (weights × contributions) and {@code business-case-strength}. The application evaluates them: a person's grants
 * cover his tasks, not the decision definitions.
 */
@Component
public class BusinessCaseDecisions {

	static final String STRATEGIC_VALUE = "strategic-value";

	static final String BUSINESS_CASE_STRENGTH = "business-case-strength";

	private final DecisionService decisions;

	private final ApplicationAuthority application;

	BusinessCaseDecisions(DecisionService decisions, ApplicationAuthority application) {
		this.decisions = decisions;
		this.application = application;
	}

	/** 0 to 100: how much the contributions serve the objectives, by their weights. */
	public double strategicValue(List<StrategicObjective> objectives, Map<Long, Integer> contributions) {
		DmnDecisionResult result = this.application.call(() -> this.decisions.evaluateDecisionByKey(STRATEGIC_VALUE)
			.variables(Map.of("contributions", inputs(objectives, contributions)))
			.evaluate());
		Object value = result.getSingleResult().getSingleEntry();
		return (value instanceof Number number) ? number.doubleValue() : 0;
	}

	/** The strength and the reason for it. */
	public Strength strength(List<StrategicObjective> objectives, Map<Long, Integer> contributions,
			double annualCost) {
		DmnDecisionResult result = this.application.call(() -> this.decisions
			.evaluateDecisionByKey(BUSINESS_CASE_STRENGTH)
			.variables(Map.of("contributions", inputs(objectives, contributions), "annualCost", annualCost))
			.evaluate());
		DmnDecisionResultEntries entries = result.getSingleResult();
		return new Strength(entries.getEntry("businessCaseStrength"), entries.getEntry("businessCaseReason"));
	}

	private static List<Map<String, Object>> inputs(List<StrategicObjective> objectives,
			Map<Long, Integer> contributions) {
		List<Map<String, Object>> inputs = new ArrayList<>();
		for (StrategicObjective objective : objectives) {
			Map<String, Object> input = new LinkedHashMap<>();
			input.put("weight", objective.getWeight());
			input.put("score", contributions.getOrDefault(objective.getId(), 0));
			inputs.add(input);
		}
		return inputs;
	}

	public record Strength(String rating, String reason) {
	}

}
