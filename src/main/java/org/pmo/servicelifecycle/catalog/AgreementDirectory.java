package org.pmo.servicelifecycle.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Where the catalog finds a service's current performance agreements to show them with the service. */
public interface AgreementDirectory {

	List<?> agreementsOf(String code);

	/** The current agreements of several services at once, by code; a service without any maps to an empty list. */
	Map<String, List<?>> agreementsOf(Collection<PmoService> services);

}
