package org.pmo.servicelifecycle.security;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * A bean an attacker's expression would call: {@code ${expressionProbe.touch()}}. Counting the calls shows whether
 * an expression from a request was evaluated.
 */
@Component("expressionProbe")
public class ExpressionProbe {

	private final AtomicInteger touches = new AtomicInteger();

	public String touch() {
		this.touches.incrementAndGet();
		return "nobody";
	}

	public int touches() {
		return this.touches.get();
	}

}
