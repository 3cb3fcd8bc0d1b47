package org.pmo.servicelifecycle.catalog;

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

}
