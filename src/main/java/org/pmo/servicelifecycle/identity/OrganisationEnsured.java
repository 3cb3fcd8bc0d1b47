package org.pmo.servicelifecycle.identity;

import java.util.Map;

/**
 * The groups and the shared Tasklist filters exist: what is granted on them follows (security's grants).
 * @param filterIds the ids of the shared Tasklist filters by name
 */
public record OrganisationEnsured(Map<String, String> filterIds) {
}
