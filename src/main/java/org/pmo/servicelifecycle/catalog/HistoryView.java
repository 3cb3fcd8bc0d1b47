package org.pmo.servicelifecycle.catalog;

import java.time.Instant;

/** A line of a service's history as the REST API shows it. */
public record HistoryView(Instant occurredAt, HistoryKind kind, Stage fromStage, Stage toStage, String activity,
		String decision, String actor, String comment) {

	public static HistoryView of(ServiceHistoryEntry entry) {
		return new HistoryView(entry.getOccurredAt(), entry.getKind(), entry.getFromStage(), entry.getToStage(),
				entry.getActivity(), entry.getDecision(), entry.getActor(), entry.getComment());
	}

}
