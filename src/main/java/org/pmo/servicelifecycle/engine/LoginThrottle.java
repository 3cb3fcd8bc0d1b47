package org.pmo.servicelifecycle.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.pmo.servicelifecycle.engine.CommandFields;
import org.slf4j.Logger;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.slf4j.LoggerFactory;

/**
 * Wrong passwords slow the one who types them down, without locking the person out: failures are counted per user
 * and client address, and after {@value #FREE_FAILURES} of them each further try from that address waits twice as
 * long as the one before (at most {@link #MAX_WAIT}); a right password clears the count. Every password check passes
 * here (HTTP Basic on the APIs, the webapps' login), so an attacker guessing from one address cannot lock the
 * administrator, or anybody, out of another. Camunda's own lockout, which locks a user for good whoever typed the
 * wrong passwords, is switched off (no delay, no maximum).
 */
final class LoginThrottle extends CommandInterceptor {

	private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

	static final int FREE_FAILURES = 5;

	static final Duration MAX_WAIT = Duration.ofMinutes(15);

	private static final int MAX_ENTRIES = 10_000;

	private static final ThreadLocal<String> CLIENT_ADDRESS = new ThreadLocal<>();

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	private final Clock clock;

	LoginThrottle(Clock clock) {
		this.clock = clock;
	}

	/** Wrong passwords so far, the last one's time, and the tries now being checked after the first wrong one. */
	private record Failures(int count, Instant last, int running) {

		Instant nextTry() {
			if (this.count < FREE_FAILURES) {
				return this.last;
			}
			long seconds = 1L << Math.min(this.count - FREE_FAILURES, 20);
			return this.last.plus(Duration.ofSeconds(Math.min(seconds, MAX_WAIT.toSeconds())));
		}

	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T execute(Command<T> command) {
		if (!(command instanceof CheckPassword)) {
			return this.next.execute(command);
		}
		String userId = CommandFields.read(command, "userId");
		String key = keyOf(userId, clientAddress());
		Instant now = this.clock.instant();
		if (!takeTry(key, now)) {
			Failures earlier = this.failures.get(key);
			LOG.warn("Login of {} refused without a check: {} wrong passwords, next try after {}", key,
					(earlier != null) ? earlier.count() : 0, (earlier != null) ? earlier.nextTry() : now);
			return (T) Boolean.FALSE;
		}
		T result;
		try {
			result = this.next.execute(command);
		}
		catch (RuntimeException ex) {
			// neither right nor wrong: the try no longer runs
			this.failures.computeIfPresent(key,
					(k, earlier) -> new Failures(earlier.count(), earlier.last(), Math.max(0, earlier.running() - 1)));
			throw ex;
		}
		if (Boolean.TRUE.equals(result)) {
			this.failures.remove(key);
		}
		else {
			failed(key, this.clock.instant());
		}
		return result;
	}

	/** User id and address; a user id longer than any real one is kept as its hash, so memory stays small. */
	private static String keyOf(String userId, String address) {
		String user = String.valueOf(userId);
		return ((user.length() > 64) ? "#" + user.hashCode() + "/" + user.length() : user) + " from " + address;
	}

	/** Whether a login of this user from this address would be checked now. */
	boolean admits(String userId, String address) {
		Failures earlier = this.failures.get(keyOf(userId, address));
		return earlier == null || !this.clock.instant().isBefore(earlier.nextTry());
	}

	void recordFailure(String userId, String address) {
		failed(keyOf(userId, address), this.clock.instant());
	}

	void recordSuccess(String userId, String address) {
		this.failures.remove(keyOf(userId, address));
	}

	/**
	 * Whether a try may be made now. The free tries are free, in parallel too (a person's correct logins of many
	 * requests at once); once the wait applies, the check and the taking of the window are one step, so a burst of
	 * parallel guesses gets one check per window, not one each.
	 */
	private boolean takeTry(String key, Instant now) {
		boolean[] taken = new boolean[1];
		this.failures.compute(key, (k, earlier) -> {
			if (earlier == null) {
				taken[0] = true;
				return null;
			}
			if (earlier.count() < FREE_FAILURES) {
				// after a wrong password, the tries still running count as well: a burst gets the free ones only
				if (earlier.count() + earlier.running() >= FREE_FAILURES) {
					return earlier;
				}
				taken[0] = true;
				return new Failures(earlier.count(), earlier.last(), earlier.running() + 1);
			}
			if (now.isBefore(earlier.nextTry())) {
				return earlier;
			}
			taken[0] = true;
			return new Failures(earlier.count(), now, earlier.running());
		});
		return taken[0];
	}

	private void failed(String key, Instant now) {
		if (this.failures.size() >= MAX_ENTRIES) {
			forgetOld(now);
		}
		this.failures.merge(key, new Failures(1, now, 0),
				(old, fresh) -> new Failures(old.count() + 1, now, Math.max(0, old.running() - 1)));
	}

	/** Keeps the memory bounded: waits that are long over go first, then counts below the free failures. */
	private void forgetOld(Instant now) {
		this.failures.entrySet().removeIf((entry) -> entry.getValue().nextTry().isBefore(now.minus(MAX_WAIT)));
		if (this.failures.size() >= MAX_ENTRIES) {
			this.failures.entrySet().removeIf((entry) -> entry.getValue().count() < FREE_FAILURES);
		}
	}

	/**
	 * The address failures are counted under: an IPv4 address as it is, an IPv6 address by its /64 network, the
	 * smallest one a single site is given, so that hopping between the addresses of one's own network gains nothing.
	 */
	static String counted(String address) {
		if (address == null || address.indexOf(':') < 0) {
			return address;
		}
		try {
			byte[] bytes = InetAddress.getByName(address).getAddress();
			if (bytes.length != 16) {
				return address;
			}
			StringBuilder network = new StringBuilder();
			for (int i = 0; i < 8; i += 2) {
				network.append(String.format("%02x%02x:", bytes[i], bytes[i + 1]));
			}
			return network.append(":/64").toString();
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

	private static String clientAddress() {
		String address = CLIENT_ADDRESS.get();
		return (address != null) ? address : "the application";
	}

	/** Tells the throttle which address each request comes from, before anything checks a password. */
	@Configuration(proxyBeanMethods = false)
	static class ClientAddresses {

		@Bean
		FilterRegistrationBean<ClientAddressFilter> clientAddressFilter() {
			FilterRegistrationBean<ClientAddressFilter> registration = new FilterRegistrationBean<>(
					new ClientAddressFilter());
			registration.setName("pmo-client-address");
			registration.addUrlPatterns("/*");
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

	/** The address a request comes from (the proxy's forwarded address where configured). */
	static final class ClientAddressFilter implements Filter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			CLIENT_ADDRESS.set(counted(request.getRemoteAddr()));
			try {
				chain.doFilter(request, response);
			}
			finally {
				CLIENT_ADDRESS.remove();
			}
		}

	}

}
