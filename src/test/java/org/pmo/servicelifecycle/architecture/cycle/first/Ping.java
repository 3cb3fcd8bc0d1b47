package org.pmo.servicelifecycle.architecture.cycle.first;

import org.pmo.servicelifecycle.architecture.cycle.second.Pong;

/** Half of a deliberate cycle between two packages: the cycle rule must find it. */
public class Ping {

	Pong answer() {
		return new Pong();
	}

}
