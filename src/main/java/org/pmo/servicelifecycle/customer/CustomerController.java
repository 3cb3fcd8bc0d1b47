package org.pmo.servicelifecycle.customer;

import java.util.Optional;
import org.pmo.servicelifecycle.web.ResourceTags;
import org.pmo.servicelifecycle.web.EntityTagged;
import org.springframework.http.ResponseEntity;
import org.pmo.servicelifecycle.web.Paging;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.pmo.servicelifecycle.identity.Groups;
import org.pmo.servicelifecycle.lifecycle.ApplicationAuthority;
import org.pmo.servicelifecycle.web.ApiAccessDeniedException;
import org.pmo.servicelifecycle.web.ApiOperation;
import org.pmo.servicelifecycle.web.ApiPermission;
import org.pmo.servicelifecycle.web.InvalidInputException;
import org.pmo.servicelifecycle.web.JsonBodies;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customer organisations and their subscriptions. The PMO's work groups see every customer; a person of
 * service-customers sees and acts for his own organisation only.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Customers and subscriptions")
@RequestMapping("/api/customers")
class CustomerController {

	private final Customers customers;

	private final Subscriptions subscriptions;

	private final JsonBodies bodies;

	private final ApplicationAuthority application;

	private final ResourceTags tags;

	CustomerController(Customers customers, Subscriptions subscriptions, JsonBodies bodies,
			ApplicationAuthority application, ResourceTags tags) {
		this.tags = tags;
		this.customers = customers;
		this.subscriptions = subscriptions;
		this.bodies = bodies;
		this.application = application;
	}

	@GetMapping
	@ApiPermission(ApiOperation.READ_CUSTOMERS)
	ResponseEntity<List<CustomerView>> list(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, HttpServletRequest request) {
		List<CustomerView> visible = seesEveryCustomer() ? this.customers.list()
				: this.customers.organisationOf(this.application.currentUserId())
					.map((own) -> List.of(CustomerView.of(own, null, null)))
					.orElse(List.of());
		return Paging.slice(visible, page, size, request);
	}

	@PostMapping
	@ApiPermission(ApiOperation.MANAGE_CUSTOMERS)
	@ResponseStatus(HttpStatus.CREATED)
	CustomerView create(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = CustomerTerms.class))) @RequestBody JsonNode body) {
		return this.customers.create(this.bodies.item(body, CustomerTerms.class, ""), this.application.currentUserId());
	}

	@GetMapping("/{id}")
	@ApiPermission(ApiOperation.READ_CUSTOMERS)
	CustomerView customer(@PathVariable long id) {
		ownUnless(seesEveryCustomer(), id);
		return this.customers.details(id);
	}

	@GetMapping("/{id}/subscriptions")
	@ApiPermission(ApiOperation.READ_CUSTOMERS)
	ResponseEntity<List<SubscriptionView>> subscriptions(@PathVariable long id, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, HttpServletRequest request) {
		ownUnless(seesEveryCustomer(), id);
		return Paging.slice(this.subscriptions.of(id), page, size, request);
	}

	@PostMapping("/{id}/subscriptions")
	@ApiPermission(ApiOperation.SUBSCRIBE)
	@ResponseStatus(HttpStatus.CREATED)
	SubscriptionView subscribe(@PathVariable long id, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = SubscriptionRequest.class))) @RequestBody JsonNode body) {
		ownUnless(actsForEveryCustomer(), id);
		SubscriptionRequest request = this.bodies.item(body, SubscriptionRequest.class, "");
		return this.subscriptions.subscribe(id, request.service(), this.application.currentUserId());
	}

	@GetMapping("/{id}/subscriptions/{subscription}")
	@ApiPermission(ApiOperation.READ_CUSTOMERS)
	@EntityTagged
	SubscriptionView subscription(@PathVariable long id, @PathVariable long subscription) {
		ownUnless(seesEveryCustomer(), id);
		return this.subscriptions.find(id, subscription);
	}

	/** Ends a subscription; an {@code If-Match} with the tag its GET answered ends it only if unchanged since. */
	@DeleteMapping("/{id}/subscriptions/{subscription}")
	@ApiPermission(ApiOperation.SUBSCRIBE)
	@EntityTagged
	SubscriptionView endSubscription(@PathVariable long id, @PathVariable long subscription,
			HttpServletRequest request) {
		ownUnless(actsForEveryCustomer(), id);
		return end(id, subscription, request);
	}

	/** Ends the open subscription to a service: {@code DELETE /api/customers/1/subscriptions?service=SVC-0009}. */
	@DeleteMapping("/{id}/subscriptions")
	@ApiPermission(ApiOperation.SUBSCRIBE)
	@EntityTagged
	SubscriptionView endSubscriptionTo(@PathVariable long id, @RequestParam(required = false) String service,
			HttpServletRequest request) {
		ownUnless(actsForEveryCustomer(), id);
		if (service == null || service.isBlank()) {
			throw new InvalidInputException("service", "name the service whose subscription ends, e.g. ?service=SVC-0009");
		}
		return end(id, this.subscriptions.openSubscriptionId(id, service), request);
	}

	private SubscriptionView end(long customer, long subscription, HttpServletRequest request) {
		return this.tags.end(request, "subscription:" + subscription,
				() -> Optional.of(this.subscriptions.find(customer, subscription)),
				() -> this.subscriptions.end(customer, subscription, this.application.currentUserId()));
	}

	/**
	 * A person who may not see or act for every customer sees and acts for his own organisation: any other id is
	 * refused, whether it exists or not.
	 */
	private void ownUnless(boolean everyCustomer, long id) {
		if (!everyCustomer && this.customers.organisationOf(this.application.currentUserId())
			.filter((own) -> own.getId() == id)
			.isEmpty()) {
			throw new ApiAccessDeniedException("you act for your own customer organisation only");
		}
		this.customers.find(id);
	}

	private boolean seesEveryCustomer() {
		return this.application.currentUserIsAdministrator() || Groups.seeEveryCustomer(this.application.currentGroupIds());
	}

	private boolean actsForEveryCustomer() {
		return this.application.currentUserIsAdministrator()
				|| Groups.actForEveryCustomer(this.application.currentGroupIds());
	}

	record SubscriptionRequest(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 16) String service) {
	}

}
