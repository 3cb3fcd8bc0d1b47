package org.pmo.servicelifecycle.agreement;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.pmo.servicelifecycle.identity.Groups;
import org.pmo.servicelifecycle.lifecycle.ApplicationAuthority;
import jakarta.servlet.http.HttpServletRequest;
import org.pmo.servicelifecycle.web.ApiOperation;
import org.pmo.servicelifecycle.web.EntityTagged;
import org.pmo.servicelifecycle.web.ResourceTags;
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

/** A service's offerings, performance agreements, measurements and attainment. */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Offerings, agreements and measurements")
@RequestMapping("/api/services/{code}")
class AgreementController {

	private final AgreementBook book;

	private final OfferingBook offerings;

	private final JsonBodies bodies;

	private final ApplicationAuthority application;

	private final CustomerParties customers;

	private final ResourceTags tags;

	AgreementController(AgreementBook book, OfferingBook offerings, JsonBodies bodies,
			ApplicationAuthority application, CustomerParties customers, ResourceTags tags) {
		this.tags = tags;
		this.customers = customers;
		this.book = book;
		this.offerings = offerings;
		this.bodies = bodies;
		this.application = application;
	}

	@GetMapping("/offerings")
	@ApiPermission(ApiOperation.READ_CATALOG)
	@EntityTagged
	List<OfferingView> offerings(@PathVariable String code) {
		return this.offerings.offeringsOf(code);
	}

	@PutMapping("/offerings")
	@ApiPermission(ApiOperation.MANAGE_AGREEMENTS)
	@EntityTagged
	List<OfferingView> replaceOfferings(@PathVariable String code, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(array = @io.swagger.v3.oas.annotations.media.ArraySchema(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = OfferingTerms.class)))) @RequestBody JsonNode body,
			HttpServletRequest request) {
		if (body == null || !body.isArray()) {
			throw new InvalidInputException("body", "must be an array of offerings");
		}
		List<OfferingTerms> terms = body.isEmpty() ? List.of() : this.bodies.items(body, OfferingTerms.class);
		return this.tags.change(request, "service:" + code, () -> Optional.of(offerings(code)),
				() -> this.offerings.replace(code, terms, this.application.currentUserId()));
	}

	@GetMapping("/agreements")
	@ApiPermission(ApiOperation.READ_CATALOG)
	@EntityTagged
	List<AgreementView> agreements(@PathVariable String code) {
		return this.book.agreementsOf(code);
	}

	@PostMapping("/agreements")
	@ApiPermission(ApiOperation.MANAGE_AGREEMENTS)
	@ResponseStatus(HttpStatus.CREATED)
	AgreementView addAgreement(@PathVariable String code, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = AgreementTerms.class))) @RequestBody JsonNode body) {
		AgreementTerms terms = this.bodies.item(body, AgreementTerms.class, "");
		// an unknown service is 404 before its lock is made
		agreements(code);
		return this.tags.locked("service:" + code, () -> this.book.add(code, terms, this.application.currentUserId()));
	}

	@PutMapping("/agreements")
	@ApiPermission(ApiOperation.MANAGE_AGREEMENTS)
	@EntityTagged
	List<AgreementView> replaceAgreements(@PathVariable String code, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(array = @io.swagger.v3.oas.annotations.media.ArraySchema(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = AgreementTerms.class)))) @RequestBody JsonNode body,
			HttpServletRequest request) {
		List<AgreementTerms> terms = body.isArray() && body.isEmpty() ? List.of()
				: this.bodies.items(body, AgreementTerms.class);
		return this.tags.change(request, "service:" + code, () -> Optional.of(agreements(code)),
				() -> this.book.replace(code, terms, this.application.currentUserId()));
	}

	@PostMapping("/measurements")
	@ApiPermission(ApiOperation.RECORD_MEASUREMENTS)
	@ResponseStatus(HttpStatus.CREATED)
	MeasurementResult recordMeasurements(@PathVariable String code, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(array = @io.swagger.v3.oas.annotations.media.ArraySchema(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = MeasurementInput.class)))) @RequestBody JsonNode body) {
		List<MeasurementInput> inputs = this.bodies.items(body, MeasurementInput.class);
		agreements(code);
		return this.tags.locked("service:" + code, () -> this.book.record(code, inputs, this.application.currentUserId()));
	}

	/** Everybody who reads the catalog reads the figures; a customer sees those taken for other customers not. */
	@GetMapping("/performance")
	@ApiPermission(ApiOperation.READ_CATALOG)
	PerformanceReport performance(@PathVariable String code) {
		PerformanceReport report = this.book.performance(code);
		if (this.application.currentUserIsAdministrator() || Groups.seeEveryCustomer(this.application.currentGroupIds())) {
			return report;
		}
		Long own = this.customers.customerOf(this.application.currentUserId()).orElse(null);
		return report.onlyFor(own);
	}


}
