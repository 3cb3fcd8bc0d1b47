package org.pmo.servicelifecycle.catalog;

import java.util.Collection;
import java.util.List;

/** Where a service stands in the PMO services lifecycle framework. */
public enum Stage {

	PROPOSED(PortfolioPhase.PIPELINE), DESIGN(PortfolioPhase.PIPELINE), JUSTIFICATION(PortfolioPhase.PIPELINE),
	PILOT(PortfolioPhase.PIPELINE), IMPLEMENTATION(PortfolioPhase.PIPELINE), OPERATION(PortfolioPhase.CATALOG),
	TRANSFORM(PortfolioPhase.CATALOG), RETIREMENT(PortfolioPhase.CATALOG), RETIRED(PortfolioPhase.RETIRED),
	DECLINED(PortfolioPhase.RETIRED);

	private final PortfolioPhase portfolioPhase;

	Stage(PortfolioPhase portfolioPhase) {
		this.portfolioPhase = portfolioPhase;
	}

	public PortfolioPhase portfolioPhase() {
		return this.portfolioPhase;
	}

	public boolean isFinal() {
		return this == RETIRED || this == DECLINED;
	}

	/** The stages as the catalog's tables store them, for the repositories' SQL queries. */
	public static List<String> stored(Collection<Stage> stages) {
		return stages.stream().map(Stage::name).toList();
	}

}
