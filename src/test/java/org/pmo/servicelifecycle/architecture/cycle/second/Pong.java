package org.pmo.servicelifecycle.architecture.cycle.second;

import org.pmo.servicelifecycle.architecture.cycle.first.Ping;

/** The other half of the deliberate cycle. */
public class Pong {

	Ping answer() {
		return new Ping();
	}

}
