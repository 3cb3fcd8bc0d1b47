package org.pmo.servicelifecycle.engine;

import java.util.HashSet;
import java.util.Set;

import org.pmo.servicelifecycle.customer.SubscriptionProcess;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.pmo.servicelifecycle.strategy.PortfolioReviewProcess;

/** The product's models: people work on their tasks, and every submission is checked against its form. */
final class ProductModels {

	/** The lifecycle's three models, the portfolio review and the subscription to an offering. */
	static final Set<String> KEYS = union(ServiceLifecycleProcess.KEYS,
			Set.of(PortfolioReviewProcess.KEY, SubscriptionProcess.KEY));

	private ProductModels() {
	}

	static boolean contains(String key) {
		return key != null && KEYS.contains(key);
	}

	private static Set<String> union(Set<String> one, Set<String> other) {
		Set<String> all = new HashSet<>(one);
		all.addAll(other);
		return Set.copyOf(all);
	}

}
