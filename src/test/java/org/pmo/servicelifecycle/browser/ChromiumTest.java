package org.pmo.servicelifecycle.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that drives the machine's headless Chromium: skipped with a message when Chromium or chromedriver is not
 * installed; when it fails, every browser still open leaves a screenshot and its page under
 * {@code target/browser-screenshots/failures/}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("browser")
@EnabledIf(value = "org.pmo.servicelifecycle.browser.Chromium#installed",
		disabledReason = "Chromium or chromedriver not installed (" + Chromium.INSTALL_HINT + "): browser tests skipped")
@ExtendWith(Browser.FailureCapture.class)
public @interface ChromiumTest {

}
