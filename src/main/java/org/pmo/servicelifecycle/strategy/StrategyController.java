package org.pmo.servicelifecycle.strategy;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.pmo.servicelifecycle.lifecycle.ApplicationAuthority;
import org.pmo.servicelifecycle.web.ApiOperation;
import org.pmo.servicelifecycle.web.ApiPermission;
import org.pmo.servicelifecycle.web.InvalidInputException;
import org.pmo.servicelifecycle.web.JsonBodies;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Service Strategy over REST: objectives, capacity, business cases, portfolio reviews. */
@RestController
@RequestMapping("/api")
class StrategyController {

	private final StrategicObjectives objectives;

	private final PmoCapacity capacity;

	private final BusinessCases businessCases;

	private final PortfolioReviews reviews;

	private final JsonBodies bodies;

	private final ApplicationAuthority application;

	private final BusinessCaseForm businessCaseForm;

	StrategyController(StrategicObjectives objectives, PmoCapacity capacity, BusinessCases businessCases,
			PortfolioReviews reviews, JsonBodies bodies, ApplicationAuthority application,
			BusinessCaseForm businessCaseForm) {
		this.businessCaseForm = businessCaseForm;
		this.objectives = objectives;
		this.capacity = capacity;
		this.businessCases = businessCases;
		this.reviews = reviews;
		this.bodies = bodies;
		this.application = application;
	}

	@GetMapping("/objectives")
	@ApiPermission(ApiOperation.READ_STRATEGY)
	List<StrategicObjective> objectives() {
		return this.objectives.all();
	}

	@PostMapping("/objectives")
	@ApiPermission(ApiOperation.MANAGE_STRATEGY)
	@ResponseStatus(HttpStatus.CREATED)
	StrategicObjective createObjective(@RequestBody JsonNode body) {
		return this.objectives.create(object(body, ObjectiveTerms.class), this.application.currentUserId());
	}

	@GetMapping("/objectives/{id}")
	@ApiPermission(ApiOperation.READ_STRATEGY)
	StrategicObjective objective(@PathVariable Long id) {
		return this.objectives.find(id);
	}

	@PutMapping("/objectives/{id}")
	@ApiPermission(ApiOperation.MANAGE_STRATEGY)
	StrategicObjective updateObjective(@PathVariable Long id, @RequestBody JsonNode body) {
		return this.objectives.update(id, object(body, ObjectiveTerms.class), this.application.currentUserId());
	}

	@GetMapping("/objectives/{id}/history")
	@ApiPermission(ApiOperation.READ_STRATEGY)
	List<ObjectiveChange> objectiveHistory(@PathVariable Long id) {
		return this.objectives.history(id);
	}

	@GetMapping("/capacity/{year}")
	@ApiPermission(ApiOperation.READ_STRATEGY)
	CapacityView capacity(@PathVariable int year) {
		return this.capacity.get(year);
	}

	@PutMapping("/capacity/{year}")
	@ApiPermission(ApiOperation.MANAGE_STRATEGY)
	CapacityView planCapacity(@PathVariable int year, @RequestBody JsonNode body) {
		return this.capacity.plan(year, object(body, CapacityTerms.class), this.application.currentUserId());
	}

	@GetMapping("/services/{code}/business-case")
	@ApiPermission(ApiOperation.READ_STRATEGY)
	BusinessCaseView businessCase(@PathVariable String code) {
		return this.businessCases.find(code)
			.orElseThrow(() -> new StrategyItemNotFoundException("business case for " + code + " yet"));
	}

	@PutMapping("/services/{code}/business-case")
	@ApiPermission(ApiOperation.ESTIMATE_BUSINESS_CASES)
	BusinessCaseView estimate(@PathVariable String code, @RequestBody JsonNode body) {
		BusinessCaseView estimated = this.businessCases.estimateBeforeApproval(code,
				object(body, BusinessCaseTerms.class), this.application.currentUserId());
		this.businessCaseForm.refresh(estimated);
		return estimated;
	}

	@GetMapping("/portfolio-reviews")
	@ApiPermission(ApiOperation.READ_STRATEGY)
	List<PortfolioReviewView> portfolioReviews() {
		return this.reviews.latest(20);
	}

	@PostMapping("/portfolio-reviews")
	@ApiPermission(ApiOperation.MANAGE_STRATEGY)
	@ResponseStatus(HttpStatus.CREATED)
	PortfolioReviewView startPortfolioReview(@RequestBody JsonNode body) {
		PortfolioReviewStart start = object(body, PortfolioReviewStart.class);
		return this.reviews.start(start.reason(), this.application.currentUserId());
	}

	@GetMapping("/portfolio-reviews/{id}")
	@ApiPermission(ApiOperation.READ_STRATEGY)
	PortfolioReviewView portfolioReview(@PathVariable Long id) {
		return this.reviews.find(id);
	}

	private <T> T object(JsonNode body, Class<T> type) {
		if (body == null || !body.isObject()) {
			throw new InvalidInputException("body", "must be a JSON object");
		}
		return this.bodies.item(body, type, "");
	}

	/** Why the board asks for a portfolio review now. */
	record PortfolioReviewStart(String reason) {
	}

}
