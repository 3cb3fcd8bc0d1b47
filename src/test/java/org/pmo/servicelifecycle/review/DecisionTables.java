package org.pmo.servicelifecycle.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The decision tables of {@code dmn/} on a DMN engine of their own (the same FEEL as the process engine's), with
 * the rules each evaluation matched, so a test can say which row decided and that every row has a test.
 */
public final class DecisionTables {

	private final DmnEngine engine;

	private final List<DmnDecision> decisions;

	private final List<String> lastMatched = new ArrayList<>();

	private final Set<String> everMatched = new LinkedHashSet<>();

	public DecisionTables(String resource) {
		this.engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
			.customPostDecisionTableEvaluationListeners(List.of(this::matched))
			.buildEngine();
		try (InputStream model = DecisionTables.class.getResourceAsStream(resource)) {
			if (model == null) {
				throw new IllegalArgumentException("not on the classpath: " + resource);
			}
			this.decisions = this.engine.parseDecisions(model);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Evaluates the decision (and the decisions it requires) with the given inputs; null values stay null. */
	public DmnDecisionResult evaluate(String decisionKey, Map<String, Object> inputs) {
		this.lastMatched.clear();
		VariableMap variables = Variables.createVariables();
		inputs.forEach(variables::putValue);
		return this.engine.evaluateDecision(decision(decisionKey), variables);
	}

	/** Ids of the rules the last evaluation matched, required decisions first. */
	public List<String> matchedRules() {
		return List.copyOf(this.lastMatched);
	}

	public Set<String> everMatched() {
		return this.everMatched;
	}

	/** Ids of all rules of a decision table, in table order. */
	public List<String> ruleIds(String decisionKey) {
		DmnDecisionTableImpl table = (DmnDecisionTableImpl) decision(decisionKey).getDecisionLogic();
		return table.getRules().stream().map(DmnDecisionTableRuleImpl::getId).toList();
	}

	private DmnDecision decision(String key) {
		return this.decisions.stream()
			.filter((decision) -> decision.getKey().equals(key))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no decision " + key));
	}

	private void matched(DmnDecisionTableEvaluationEvent event) {
		for (DmnEvaluatedDecisionRule rule : event.getMatchingRules()) {
			this.lastMatched.add(rule.getId());
			this.everMatched.add(rule.getId());
		}
	}

}
