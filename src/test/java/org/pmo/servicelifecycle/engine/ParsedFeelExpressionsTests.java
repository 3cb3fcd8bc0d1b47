package org.pmo.servicelifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
		FeelEngine feel = decisionsFeel();
		assertThat(feel).isInstanceOf(ScalaFeelEngine.class);
		Field inner = ScalaFeelEngine.class.getDeclaredField("feelEngine");
		inner.setAccessible(true);
		assertThat(inner.get(feel)).isInstanceOf(ParsedFeelExpressions.ParsingOnce.class);
		// the table of built-in functions is built with the engine and shared by every evaluation
		Field builtIns = org.camunda.feel.FeelEngine.class.getDeclaredField("rootContext");
		builtIns.setAccessible(true);
		Object builtInsBefore = builtIns.get(inner.get(feel));
		assertThat(builtInsBefore).isNotNull();

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

		assertThat(builtIns.get(inner.get(feel))).isSameAs(builtInsBefore);

		// a text FEEL cannot parse fails as before, every time it is evaluated
		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> feel.evaluateSimpleExpression("1 +* 2", Variables.createVariables().asVariableContext()))
				.isInstanceOf(FeelException.class);
		}
	}

	@Test
	void builtInFunctionsSharedByEveryEvaluationAnswerEachOneAlone() throws Exception {
		FeelEngine feel = decisionsFeel();
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> evaluations = new ArrayList<>();
			for (int thread = 0; thread < 4; thread++) {
				int offset = thread * 1000;
				evaluations.add(threads.submit(() -> {
					for (int i = offset; i < offset + 300; i++) {
						// a built-in function, with this evaluation's own variables
						assertThat((Object) feel.evaluateSimpleExpression("upper case(name) + string(abs(value))",
								Variables.createVariables()
									.putValue("name", "svc" + i)
									.putValue("value", -i)
									.asVariableContext()))
							.isEqualTo("SVC" + i + i);
						// a failed assertion fails its own evaluation only, not the next one
						int value = (i % 2 == 0) ? i : -i;
						if (value > 0) {
							assertThat((Object) feel.evaluateSimpleExpression("assert(value, value > 0)",
									Variables.createVariables().putValue("value", value).asVariableContext()))
								.isEqualTo((long) value);
						}
						else if (value < 0) {
							assertThatThrownBy(() -> feel.evaluateSimpleExpression("assert(value, value > 0)",
									Variables.createVariables().putValue("value", value).asVariableContext()))
								.isInstanceOf(FeelException.class);
						}
					}
					return null;
				}));
			}
			for (Future<?> evaluation : evaluations) {
				evaluation.get();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	private FeelEngine decisionsFeel() {
		return ((DefaultDmnEngineConfiguration) ((ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration()).getDmnEngineConfiguration()).getFeelEngine();
	}

}
