package org.pmo.servicelifecycle.portfolio;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pmo.servicelifecycle.agreement.Attainment;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.OfferingLevel;
import org.pmo.servicelifecycle.catalog.PortfolioPhase;
import org.pmo.servicelifecycle.catalog.Stage;

/** The portfolio at a glance: how many services stand where, and the services asked for with their work. */
public record PortfolioOverview(Instant asOf, Map<PortfolioPhase, Long> byPhase, Map<Stage, Long> byStage,
		List<ServiceSummary> services, Map<String, List<StepCount>> waiting) {

	/** One service as the portfolio page lists it; value score and priority for the strategy's readers. */
	public record ServiceSummary(String code, String name, Stage stage, PortfolioPhase portfolioPhase,
			OfferingLevel offeringLevel, Set<CustomerSegment> customerSegments, int version, String owner,
			Attainment slaHealth, Instant lastReview, Instant nextReviewDue, List<OpenTask> openTasks,
			long overdueApprovals, Number valueScore, String priority) {
	}

	/** An open task of a service's lifecycle and who holds it. */
	public record OpenTask(String name, String taskDefinitionKey, String assignee, List<String> candidateGroups,
			Instant created, Instant due, boolean overdue) {
	}

	/** How many lifecycles wait at one step of a process model. */
	public record StepCount(String activityId, int instances) {
	}

}
