package org.pmo.servicelifecycle.catalog;

import org.pmo.servicelifecycle.web.NotFoundException;

/** No service in the catalog carries the code asked for. */
public class ServiceNotFoundException extends NotFoundException {

	private final String code;

	public ServiceNotFoundException(String code) {
		super("No service with code '" + code + "'");
		this.code = code;
	}

	public String getCode() {
		return this.code;
	}

}
