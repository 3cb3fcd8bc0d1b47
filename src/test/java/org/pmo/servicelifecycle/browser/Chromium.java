package org.pmo.servicelifecycle.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where the machine's Chromium and its chromedriver are: Debian's packages {@code chromium} and {@code chromium-driver}
 * by default, other places with {@code -Dpmo.chromium=…} and {@code -Dpmo.chromedriver=…}. Nothing is downloaded:
 * without them the browser tests are skipped.
 */
public final class Chromium {

	static final String INSTALL_HINT = "apt-get install chromium chromium-driver";

	private static final AtomicBoolean reported = new AtomicBoolean();

	private Chromium() {
	}

	static Path browser() {
		return Path.of(System.getProperty("pmo.chromium", "/usr/bin/chromium"));
	}

	static Path driver() {
		return Path.of(System.getProperty("pmo.chromedriver", "/usr/bin/chromedriver"));
	}

	/** Condition of {@link ChromiumTest}: both programs are there. Says once why the browser tests are skipped. */
	public static boolean installed() {
		boolean installed = Files.isExecutable(browser()) && Files.isExecutable(driver());
		if (!installed && reported.compareAndSet(false, true)) {
			System.err.println("[browser tests] SKIPPED: no Chromium at " + browser() + " or no chromedriver at "
					+ driver() + " (install them with: " + INSTALL_HINT + ")");
		}
		return installed;
	}

}
