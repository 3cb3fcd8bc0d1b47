package org.pmo.servicelifecycle.models;

import org.springframework.web.bind.annotation.RequestParam;
import org.pmo.servicelifecycle.web.Paging;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.pmo.servicelifecycle.lifecycle.ApplicationAuthority;
import org.pmo.servicelifecycle.models.LifecycleMigrations.MigrationRequest;
import org.pmo.servicelifecycle.web.ApiOperation;
import org.pmo.servicelifecycle.web.ApiPermission;
import org.pmo.servicelifecycle.web.JsonBodies;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The process owners' API: the models' versions with their running instances, and migrations between versions — a
 * dry run by default ({@code "dryRun": false} migrates), then the migration's report until its batch is done.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Models (process owners)")
@RequestMapping("/api/models")
class ModelController {

	private final LifecycleMigrations migrations;

	private final JsonBodies bodies;

	private final ApplicationAuthority application;

	ModelController(LifecycleMigrations migrations, JsonBodies bodies, ApplicationAuthority application) {
		this.migrations = migrations;
		this.bodies = bodies;
		this.application = application;
	}

	@GetMapping
	@ApiPermission(ApiOperation.MIGRATE_LIFECYCLES)
	ResponseEntity<List<LifecycleMigrations.ModelView>> models(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, HttpServletRequest request) {
		return Paging.slice(this.migrations.models(), page, size, request);
	}

	/** 200 with the dry run, or 202 with the started migration's first report. */
	@PostMapping("/migrations")
	@ApiPermission(ApiOperation.MIGRATE_LIFECYCLES)
	ResponseEntity<?> migrate(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = MigrationRequest.class))) @RequestBody JsonNode body) {
		MigrationRequest request = this.bodies.item(body, MigrationRequest.class, "");
		if (request.isDryRun()) {
			return ResponseEntity.ok(this.migrations.dryRun(request));
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(this.migrations.migrate(request, this.application.currentUserId()));
	}

	@GetMapping("/migrations/{batchId}")
	@ApiPermission(ApiOperation.MIGRATE_LIFECYCLES)
	LifecycleMigrations.MigrationReport migration(@PathVariable String batchId) {
		return this.migrations.report(batchId);
	}

}
