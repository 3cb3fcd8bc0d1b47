package org.pmo.servicelifecycle.strategy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Service Strategy's settings ({@code pmo.strategy.*}).
 *
 * @param portfolioReviewCycle when the portfolio review starts by itself, an ISO-8601 repeating interval (yearly
 * by default, {@code R/P1Y}); read when the model is deployed
 * @param solverSeconds the longest the service mix solver may search before it answers with its gap (default 2)
 */
@ConfigurationProperties("pmo.strategy")
public record StrategySettings(String portfolioReviewCycle, Double solverSeconds) {

	public String portfolioReviewCycleOrDefault() {
		return (this.portfolioReviewCycle != null && !this.portfolioReviewCycle.isBlank())
				? this.portfolioReviewCycle.strip() : "R/P1Y";
	}

	public double solverSecondsOrDefault() {
		return (this.solverSeconds != null && this.solverSeconds > 0) ? this.solverSeconds : 2;
	}

}
