package org.pmo.servicelifecycle.web;

import java.util.Optional;
import java.util.function.Predicate;

/** Reading an exception's chain of causes, as the answers to a refusal and the log of a mistake do. */
public final class Causes {

	private Causes() {
	}

	/** The first of the error and its causes that is such, outermost first. */
	public static Optional<Throwable> first(Throwable error, Predicate<Throwable> such) {
		for (Throwable cause = error; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (such.test(cause)) {
				return Optional.of(cause);
			}
		}
		return Optional.empty();
	}

}
