package org.pmo.servicelifecycle.portfolio;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.pmo.servicelifecycle.catalog.PortfolioPhase;
import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.strategy.StrategyOverview;
import org.pmo.servicelifecycle.web.ApiOperation;
import org.pmo.servicelifecycle.web.ApiPermission;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Data of the portfolio page: counts, services with their health and work, the strategy, and the lifecycle models. */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Portfolio")
@RequestMapping("/api/portfolio")
class PortfolioController {

	private final Portfolio portfolio;

	private final StrategyOverview strategy;

	private final ServicePage servicePage;

	private final MyPortfolio myPortfolio;

	PortfolioController(Portfolio portfolio, StrategyOverview strategy, ServicePage servicePage,
			MyPortfolio myPortfolio) {
		this.myPortfolio = myPortfolio;
		this.servicePage = servicePage;
		this.portfolio = portfolio;
		this.strategy = strategy;
	}

	@GetMapping("/strategy")
	@ApiPermission(ApiOperation.READ_STRATEGY)
	StrategyOverview.View strategy() {
		return this.strategy.overview();
	}

	@GetMapping
	@ApiPermission(ApiOperation.READ_CATALOG)
	PortfolioOverview overview(@RequestParam(required = false) PortfolioPhase phase,
			@RequestParam(required = false) Stage stage,
			@RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
		return this.portfolio.overview(phase, stage, limit);
	}

	@GetMapping("/my")
	@ApiPermission(ApiOperation.READ_CATALOG)
	MyPortfolio.View mine() {
		return this.myPortfolio.mine();
	}

	@GetMapping("/services/{code}")
	@ApiPermission(ApiOperation.READ_CATALOG)
	ServicePage.View service(@PathVariable String code) {
		return this.servicePage.of(code);
	}

	@GetMapping(path = "/models/{processKey}", produces = MediaType.APPLICATION_XML_VALUE)
	@ApiPermission(ApiOperation.READ_CATALOG)
	String model(@PathVariable String processKey) {
		return this.portfolio.diagram(processKey);
	}

}
