package org.pmo.servicelifecycle.customer;

import org.pmo.servicelifecycle.web.NotFoundException;

/** A customer or a subscription that does not exist, or that the caller may not see. */
class CustomerNotFoundException extends NotFoundException {

	CustomerNotFoundException(String what) {
		super("No " + what);
	}

}
