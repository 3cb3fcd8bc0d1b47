package org.pmo.servicelifecycle.architecture.internal;

import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/** A deliberate use of an engine internal outside the engine seam: the engine rule must find it. */
public class EngineClockOutsideTheSeam {

	Date now() {
		return ClockUtil.getCurrentTime();
	}

}
