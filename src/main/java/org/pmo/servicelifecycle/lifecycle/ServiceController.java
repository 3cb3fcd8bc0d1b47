package org.pmo.servicelifecycle.lifecycle;

import org.pmo.servicelifecycle.web.Paging;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.pmo.servicelifecycle.catalog.AgreementDirectory;
import org.pmo.servicelifecycle.catalog.HistoryView;
import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.catalog.ServiceChange;
import org.pmo.servicelifecycle.catalog.ServiceRequest;
import org.pmo.servicelifecycle.catalog.ServiceView;
import org.pmo.servicelifecycle.catalog.Stage;
import jakarta.servlet.http.HttpServletRequest;
import org.pmo.servicelifecycle.web.ApiOperation;
import org.pmo.servicelifecycle.web.EntityTagged;
import org.pmo.servicelifecycle.web.ResourceTags;
import org.pmo.servicelifecycle.web.ApiPermission;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalog's REST API: raise a service request, list and read services and their history, change the review
 * cycle of a service.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Services")
@RequestMapping("/api/services")
class ServiceController {

	private final ServiceCatalog catalog;

	private final ServiceRequests requests;

	private final AgreementDirectory agreements;

	private final ReviewCycles reviewCycles;

	private final ApplicationAuthority application;

	private final ResourceTags tags;

	ServiceController(ServiceCatalog catalog, ServiceRequests requests, AgreementDirectory agreements,
			ReviewCycles reviewCycles, ApplicationAuthority application, ResourceTags tags) {
		this.tags = tags;
		this.catalog = catalog;
		this.requests = requests;
		this.agreements = agreements;
		this.reviewCycles = reviewCycles;
		this.application = application;
	}

	@PostMapping
	@ApiPermission(ApiOperation.REQUEST_SERVICE)
	ResponseEntity<ServiceView> requestService(@Valid @RequestBody ServiceRequest request) {
		ServiceView service = ServiceView.of(this.requests.request(request), List.of());
		return ResponseEntity.created(URI.create("/api/services/" + service.code())).body(service);
	}

	@GetMapping
	@ApiPermission(ApiOperation.READ_CATALOG)
	ResponseEntity<List<ServiceView>> listServices(@RequestParam(required = false) Stage stage,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, HttpServletRequest request) {
		List<PmoService> services = this.catalog.list(stage, page, size);
		Map<String, List<?>> agreementsByCode = this.agreements.agreementsOf(services);
		List<ServiceView> views = services.stream()
			.map((service) -> ServiceView.of(service, agreementsByCode.get(service.getCode())))
			.toList();
		return Paging.page(views, this.catalog.count(stage), page, size, request);
	}

	@GetMapping("/{code}")
	@ApiPermission(ApiOperation.READ_CATALOG)
	@EntityTagged
	ServiceView service(@PathVariable String code) {
		return ServiceView.of(this.catalog.find(code), this.agreements.agreementsOf(code));
	}

	/** Changes what the body names; for now that is the review cycle, which applies from the next review on. */
	@PatchMapping("/{code}")
	@ApiPermission(ApiOperation.CHANGE_SERVICE)
	@EntityTagged
	ServiceView changeService(@PathVariable String code, @RequestBody ServiceChange change, HttpServletRequest request) {
		return this.tags.change(request, "service:" + code, () -> Optional.of(service(code)), () -> {
			PmoService service = this.reviewCycles.change(code, change.reviewCycle(), this.application.currentUserId());
			return ServiceView.of(service, this.agreements.agreementsOf(code));
		});
	}

	@GetMapping("/{code}/history")
	@ApiPermission(ApiOperation.READ_CATALOG)
	ResponseEntity<List<HistoryView>> history(@PathVariable String code, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, HttpServletRequest request) {
		return Paging.slice(this.catalog.history(code).stream().map(HistoryView::of).toList(), page, size, request);
	}


}
