package org.pmo.servicelifecycle.lifecycle;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long approvers have for each kind of approval and what happens when they let it run over.
 *
 * @param due ISO-8601 duration per kind of approval ({@code justification}, {@code go-live}, {@code retirement})
 * @param defaultDue the duration of a kind that {@code due} leaves out
 * @param escalateTo the group added as candidates of an overdue approval
 * @param escalatedPriority the priority an overdue approval is raised to (Camunda's default priority is 50)
 */
@ConfigurationProperties("pmo.approvals")
record ApprovalSettings(@DefaultValue Map<String, String> due, @DefaultValue("P5D") String defaultDue,
		@DefaultValue("pmo-managers") String escalateTo, @DefaultValue("80") int escalatedPriority) {

}
