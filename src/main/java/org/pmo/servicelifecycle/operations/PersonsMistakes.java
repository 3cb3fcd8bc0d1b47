package org.pmo.servicelifecycle.operations;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.pmo.servicelifecycle.web.Causes;
import org.pmo.servicelifecycle.web.FieldProblem;
import org.pmo.servicelifecycle.web.Problems;
import org.pmo.servicelifecycle.web.RefusedWithProblems;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A person's mistake (a form field refused, a deployment with problems, a step he may not take) is no failure of the
 * application: the engine would log it as an ERROR with its stack trace; it is logged in one line at INFO instead, on
 * {@code org.pmo.servicelifecycle.refusals}, with the request's correlation id. What the application did not expect
 * stays an ERROR with its trace.
 */
@Component
class PersonsMistakes {

	static final String LOGGER = "org.pmo.servicelifecycle.refusals";

	@EventListener(ApplicationStartedEvent.class)
	void install() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
				&& context.getTurboFilterList().stream().noneMatch(OneLine.class::isInstance)) {
			context.addTurboFilter(new OneLine(context.getLogger(LOGGER)));
		}
	}

	/** Turns the engine's ERROR and WARN lines about a person's mistake into one INFO line. */
	static final class OneLine extends TurboFilter {

		private final Logger refusals;

		OneLine(Logger refusals) {
			this.refusals = refusals;
		}

		@Override
		public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
				Throwable thrown) {
			// only on a person's request (it has a correlation id): a job's failure keeps its ERROR or WARN and trace
			if (level == null || !level.isGreaterOrEqual(Level.WARN) || !logger.getName().startsWith("org.camunda.bpm")
					|| logger.getName().startsWith("org.camunda.bpm.engine.jobexecutor")
					|| MDC.get(RequestCorrelation.MDC_KEY) == null) {
				return FilterReply.NEUTRAL;
			}
			Throwable mistake = mistakeIn(thrown);
			if (mistake == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
				mistake = mistakeIn(last);
			}
			if (mistake == null) {
				return FilterReply.NEUTRAL;
			}
			this.refusals.info("Refused ({}): {}", mistake.getClass().getSimpleName(), Problems.oneLine(mistake.getMessage()));
			return FilterReply.DENY;
		}

		private static Throwable mistakeIn(Throwable thrown) {
			return Causes.first(thrown, (cause) -> cause instanceof FieldProblem || cause instanceof RefusedWithProblems
					|| cause instanceof FormFieldValidationException || cause instanceof BadUserRequestException
					|| cause instanceof AuthorizationException)
				.orElse(null);
		}

	}

}
