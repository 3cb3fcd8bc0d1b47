package org.pmo.servicelifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.WebTestSupport;

/**
 * The decisions' FEEL parses each expression once and evaluates it again with each evaluation's variables, with the
 * answers and failures of Camunda's own FEEL engine.
 */
class ParsedFeelExpressionsTests extends WebTestSupport {

	@Test
	void theDecisionsFeelKeepsParsedExpressionsAndAnswersAsBefore() throws Exception {
		FeelEngine feel = ((DefaultDmnEngineConfiguration) ((ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration()).getDmnEngineConfiguration()).getFeelEngine();
		assertThat(feel).isInstanceOf(ScalaFeelEngine.class);
		Field inner = ScalaFeelEngine.class.getDeclaredField("feelEngine");
		inner.setAccessible(true);
		assertThat(inner.get(feel)).isInstanceOf(ParsedFeelExpressions.ParsingOnce.class);

		// the same text, evaluated with other variables each time
		String expression = "effort * 2 + count(tags)";
		assertThat((Object) feel.evaluateSimpleExpression(expression, Variables.createVariables()
			.putValue("effort", 10)
			.putValue("tags", java.util.List.of("a", "b"))
			.asVariableContext())).isEqualTo(22L);
		assertThat((Object) feel.evaluateSimpleExpression(expression, Variables.createVariables()
			.putValue("effort", 1)
			.putValue("tags", java.util.List.of())
			.asVariableContext())).isEqualTo(2L);

		// unary tests against the input, as a decision table's input entries
		assertThat(feel.evaluateSimpleUnaryTests("[1..5]", "cellInput",
				Variables.createVariables().putValue("cellInput", 3).asVariableContext())).isTrue();
		assertThat(feel.evaluateSimpleUnaryTests("[1..5]", "cellInput",
				Variables.createVariables().putValue("cellInput", 7).asVariableContext())).isFalse();
		assertThat(feel.evaluateSimpleUnaryTests("\"met\",\"at-risk\"", "cellInput",
				Variables.createVariables().putValue("cellInput", "at-risk").asVariableContext())).isTrue();

		// a text FEEL cannot parse fails as before, every time it is evaluated
		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> feel.evaluateSimpleExpression("1 +* 2", Variables.createVariables().asVariableContext()))
				.isInstanceOf(FeelException.class);
		}
	}

}
