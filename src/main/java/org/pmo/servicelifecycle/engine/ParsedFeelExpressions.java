package org.pmo.servicelifecycle.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.context.Context;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;

/**
 * The DMN engine's FEEL with each expression parsed once. Camunda's FEEL engine parses the text of an input, an input
 * entry or an output entry again at every evaluation (9 % of the job threads' time in the review timer burst,
 * docs/benchmarks.md); here the parsed expression is kept by its text and evaluated as FEEL evaluates it. Everything
 * else (value mappers, Spin, custom functions, the failures reported) is Camunda's {@link ScalaFeelEngine}.
 */
class ParsedFeelExpressions extends AbstractProcessEnginePlugin {

	/** Distinct expression texts kept; the deployed decisions and forms hold far fewer. */
	static final int MAX_EXPRESSIONS = 10_000;

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getDmnEngineConfiguration() == null) {
			configuration.setDmnEngineConfiguration(
					(DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration.createDefaultDmnEngineConfiguration());
		}
		DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
		// the custom function providers are the engine's, set on the DMN configuration before the factory is called
		dmn.setFeelEngineFactory(() -> new ScalaFeelEngine(dmn.getFeelCustomFunctionProviders()) {

			@Override
			protected FeelEngine buildFeelEngine(CustomFunctionTransformer functions,
					ValueMapper.CompositeValueMapper valueMapper) {
				return new ParsingOnce(functions, valueMapper);
			}

		});
	}

	/** FEEL as Camunda's DMN engine builds it (no external functions), with the parsed expressions kept. */
	static final class ParsingOnce extends FeelEngine {

		private final Map<String, Either<FeelEngine.Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();

		private final Map<String, Either<FeelEngine.Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

		ParsingOnce(org.camunda.feel.context.FunctionProvider functions, ValueMapper valueMapper) {
			super(functions, valueMapper, new FeelEngine.Configuration(false), FeelEngine.defaultClock());
		}

		@Override
		public Either<FeelEngine.Failure, Object> evalExpression(String expression, Context context) {
			return parsed(this.expressions, expression, this::parseExpression).flatMap((parsed) -> eval(parsed, context));
		}

		@Override
		public Either<FeelEngine.Failure, Object> evalUnaryTests(String expression, Context context) {
			return parsed(this.unaryTests, expression, this::parseUnaryTests).flatMap((parsed) -> eval(parsed, context))
				.map((result) -> (Object) BoxesRunTime.unboxToBoolean(result));
		}

		private static Either<FeelEngine.Failure, ParsedExpression> parsed(
				Map<String, Either<FeelEngine.Failure, ParsedExpression>> kept, String expression,
				Function<String, Either<FeelEngine.Failure, ParsedExpression>> parser) {
			Either<FeelEngine.Failure, ParsedExpression> parsed = kept.get(expression);
			if (parsed == null) {
				parsed = parser.apply(expression);
				if (kept.size() >= MAX_EXPRESSIONS) {
					kept.clear();
				}
				kept.put(expression, parsed);
			}
			return parsed;
		}

	}

}
