package org.pmo.servicelifecycle.strategy;

import org.pmo.servicelifecycle.web.NotFoundException;

/** An objective, a year's capacity or a portfolio review that does not exist. */
class StrategyItemNotFoundException extends NotFoundException {

	StrategyItemNotFoundException(String what) {
		super("No " + what);
	}

}
