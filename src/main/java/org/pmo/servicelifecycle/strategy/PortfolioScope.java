package org.pmo.servicelifecycle.strategy;

import java.util.EnumSet;
import java.util.Set;

import org.pmo.servicelifecycle.catalog.Stage;

/** Which services a portfolio review weighs, and what it may decide for each. */
final class PortfolioScope {

	/** Requests not yet approved: started or deferred. */
	static final Set<Stage> PIPELINE_REQUESTS = EnumSet.of(Stage.PROPOSED, Stage.DESIGN, Stage.JUSTIFICATION);

	/** Approved and under way to operation: they stay, their own gates decide. */
	static final Set<Stage> UNDER_WAY = EnumSet.of(Stage.PILOT, Stage.IMPLEMENTATION);

	/** Live services: kept, transformed or retired. */
	static final Set<Stage> LIVE = EnumSet.of(Stage.OPERATION, Stage.TRANSFORM);

	/** Everything a review weighs; services being retired have left the mix already. */
	static final Set<Stage> ALL = EnumSet.of(Stage.PROPOSED, Stage.DESIGN, Stage.JUSTIFICATION, Stage.PILOT,
			Stage.IMPLEMENTATION, Stage.OPERATION, Stage.TRANSFORM);

	private PortfolioScope() {
	}

	static Set<PortfolioChoice> choicesFor(Stage stage) {
		if (PIPELINE_REQUESTS.contains(stage)) {
			return EnumSet.of(PortfolioChoice.START, PortfolioChoice.DEFER);
		}
		if (UNDER_WAY.contains(stage)) {
			return EnumSet.of(PortfolioChoice.KEEP);
		}
		return EnumSet.of(PortfolioChoice.KEEP, PortfolioChoice.TRANSFORM, PortfolioChoice.RETIRE);
	}

}
