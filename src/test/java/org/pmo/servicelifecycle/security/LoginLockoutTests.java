package org.pmo.servicelifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.WebTestSupport;
import org.pmo.servicelifecycle.identity.Groups;
import org.springframework.http.HttpStatus;

/**
 * Anonymous wrong passwords cannot lock a person out: from another address the right password works at once, and
 * from the guessing address it works again after a short wait, never "locked for good".
 */
class LoginLockoutTests extends WebTestSupport {



	@BeforeEach
	void createUsers() {
		this.organisation.ensureUser("adela", "Adela", "Admin", "adela-secret-1", Groups.CAMUNDA_ADMIN);
		this.organisation.ensureUser("lena", "Lena", "Lund", "lena-secret-1", Groups.PMO_MANAGERS);
	}

	@Test
	void guessingTheAdministratorsPasswordLocksNobodyOut() {
		for (int i = 0; i < 30; i++) {
			assertThat(status("127.0.0.1", "adela", "guess-" + i)).isEqualTo(HttpStatus.UNAUTHORIZED);
		}
		// the guesser's address waits, even with the right password
		assertThat(status("127.0.0.1", "adela", "adela-secret-1")).isEqualTo(HttpStatus.UNAUTHORIZED);
		// the administrator, elsewhere, is let in at once: the engine did not lock the account
		assertThat(status("127.0.0.2", "adela", "adela-secret-1")).isEqualTo(HttpStatus.OK);
		// and another person from the guesser's address too
		assertThat(status("127.0.0.1", "lena", "lena-secret-1")).isEqualTo(HttpStatus.OK);
	}

	/** One request from the given local address (another address on the loopback interface stands for another host). */
	private HttpStatus status(String address, String user, String password) {
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port, InetAddress.getByName(address), 0)) {
			socket.getOutputStream()
				.write(("GET /engine-rest/process-definition/count HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
						+ credentials + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			String statusLine = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
			return HttpStatus.valueOf(Integer.parseInt(statusLine.split(" ")[1]));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
