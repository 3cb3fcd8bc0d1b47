package org.pmo.servicelifecycle.strategy;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** A portfolio review as the API shows it; the list leaves out snapshot, recommendation and decisions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PortfolioReviewView(Long id, String status, String reason, String startedBy, Instant startedAt,
		String decidedBy, Instant decidedAt, String processInstanceId, JsonNode snapshot, JsonNode recommendation,
		JsonNode decisions) {
}
