package org.pmo.servicelifecycle.strategy;

import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.http.ResponseEntity;
import org.pmo.servicelifecycle.web.Paging;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import org.pmo.servicelifecycle.lifecycle.ApplicationAuthority;
import org.pmo.servicelifecycle.web.ApiOperation;
import org.pmo.servicelifecycle.web.ApiPermission;
import org.pmo.servicelifecycle.web.EntityTagged;
import org.pmo.servicelifecycle.web.ResourceTags;
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
@io.swagger.v3.oas.annotations.tags.Tag(name = "Strategy")
@RequestMapping("/api")
class StrategyController {

	private final StrategicObjectives objectives;

	private final PmoCapacity capacity;

	private final BusinessCases businessCases;

	private final PortfolioReviews reviews;

	private final JsonBodies bodies;

	private final ApplicationAuthority application;

	private final BusinessCaseForm businessCaseForm;

	/** Reviews are yearly: a list of this many goes back further than anybody asks. */
	private static final int KEPT_REVIEWS_LISTED = 1000;

	private final ResourceTags tags;

	StrategyController(StrategicObjectives objectives, PmoCapacity capacity, BusinessCases businessCases,
			PortfolioReviews reviews, JsonBodies bodies, ApplicationAuthority application,
			BusinessCaseForm businessCaseForm, ResourceTags tags) {
		this.tags = tags;
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
	ResponseEntity<List<StrategicObjective>> objectives(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, HttpServletRequest request) {
		return Paging.slice(this.objectives.all(), page, size, request);
	}

	@PostMapping("/objectives")
	@ApiPermission(ApiOperation.MANAGE_STRATEGY)
	@ResponseStatus(HttpStatus.CREATED)
	StrategicObjective createObjective(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ObjectiveTerms.class))) @RequestBody JsonNode body) {
		return this.objectives.create(object(body, ObjectiveTerms.class), this.application.currentUserId());
	}

	@GetMapping("/objectives/{id}")
	@ApiPermission(ApiOperation.READ_STRATEGY)
	@EntityTagged
	StrategicObjective objective(@PathVariable Long id) {
		return this.objectives.find(id);
	}

	@PutMapping("/objectives/{id}")
	@ApiPermission(ApiOperation.MANAGE_STRATEGY)
	@EntityTagged
	StrategicObjective updateObjective(@PathVariable Long id, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ObjectiveTerms.class))) @RequestBody JsonNode body, HttpServletRequest request) {
		ObjectiveTerms terms = object(body, ObjectiveTerms.class);
		return this.tags.change(request, "objective:" + id, () -> Optional.of(objective(id)),
				() -> this.objectives.update(id, terms, this.application.currentUserId()));
	}

	@GetMapping("/objectives/{id}/history")
	@ApiPermission(ApiOperation.READ_STRATEGY)
	ResponseEntity<List<ObjectiveChange>> objectiveHistory(@PathVariable Long id, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, HttpServletRequest request) {
		return Paging.slice(this.objectives.history(id), page, size, request);
	}

	@GetMapping("/capacity/{year}")
	@ApiPermission(ApiOperation.READ_STRATEGY)
	@EntityTagged
	CapacityView capacity(@PathVariable int year) {
		return this.capacity.get(year);
	}

	@PutMapping("/capacity/{year}")
	@ApiPermission(ApiOperation.MANAGE_STRATEGY)
	@EntityTagged
	CapacityView planCapacity(@PathVariable int year, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = CapacityTerms.class))) @RequestBody JsonNode body, HttpServletRequest request) {
		CapacityTerms terms = object(body, CapacityTerms.class);
		return this.tags.change(request, "capacity:" + year, () -> this.capacity.find(year),
				() -> this.capacity.plan(year, terms, this.application.currentUserId()));
	}

	@GetMapping("/services/{code}/business-case")
	@ApiPermission(ApiOperation.READ_STRATEGY)
	@EntityTagged
	BusinessCaseView businessCase(@PathVariable String code) {
		return this.businessCases.find(code)
			.orElseThrow(() -> new StrategyItemNotFoundException("business case for " + code + " yet"));
	}

	@PutMapping("/services/{code}/business-case")
	@ApiPermission(ApiOperation.ESTIMATE_BUSINESS_CASES)
	@EntityTagged
	BusinessCaseView estimate(@PathVariable String code, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = BusinessCaseTerms.class))) @RequestBody JsonNode body, HttpServletRequest request) {
		BusinessCaseTerms terms = object(body, BusinessCaseTerms.class);
		return this.tags.change(request, "service:" + code, () -> this.businessCases.find(code), () -> {
			BusinessCaseView estimated = this.businessCases.estimateBeforeApproval(code, terms,
					this.application.currentUserId());
			this.businessCaseForm.refresh(estimated);
			return estimated;
		});
	}

	@GetMapping("/portfolio-reviews")
	@ApiPermission(ApiOperation.READ_STRATEGY)
	ResponseEntity<List<PortfolioReviewView>> portfolioReviews(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, HttpServletRequest request) {
		return Paging.slice(this.reviews.latest(KEPT_REVIEWS_LISTED), page, size, request);
	}

	@PostMapping("/portfolio-reviews")
	@ApiPermission(ApiOperation.MANAGE_STRATEGY)
	@ResponseStatus(HttpStatus.CREATED)
	PortfolioReviewView startPortfolioReview(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = PortfolioReviewStart.class))) @RequestBody JsonNode body) {
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
