package org.pmo.servicelifecycle.lifecycle;

import java.util.List;
import java.util.function.Supplier;

/**
 * Who the current request acts for, and engine work that follows from an already permitted request (a recorded
 * breach, a changed review cycle, an administrator's consistency check) run as the application itself rather than as
 * the calling user, whose engine grants cover his own tasks only. The engine seam implements it.
 */
public interface ApplicationAuthority {

	/** The user the current request acts for, or null when the application acts (start-up, jobs, timers). */
	String currentUserId();

	/** The groups of that user as authenticated, empty when the application acts. */
	List<String> currentGroupIds();

	/** True when that user is one of the engine's administrators (by user id or group). */
	boolean currentUserIsAdministrator();

	default void run(Runnable work) {
		call(() -> {
			work.run();
			return null;
		});
	}

	<T> T call(Supplier<T> work);

}
