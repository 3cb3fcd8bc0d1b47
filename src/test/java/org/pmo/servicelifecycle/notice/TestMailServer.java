package org.pmo.servicelifecycle.notice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server in the test (GreenMail) on a port of its own, kept when it is stopped and started again, and the
 * application's notice settings pointing to it.
 */
public final class TestMailServer {

	private final GreenMail server = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	public static TestMailServer started() {
		TestMailServer mail = new TestMailServer();
		mail.start();
		return mail;
	}

	public void start() {
		this.server.start();
	}

	public void stop() {
		this.server.stop();
	}

	/** The application sends its notices here. */
	public void register(DynamicPropertyRegistry registry) {
		registry.add("pmo.notices.smtp-host", () -> "127.0.0.1");
		registry.add("pmo.notices.smtp-port", () -> this.server.getSmtp().getPort());
	}

	/** The messages that arrived for this address. */
	public List<MimeMessage> receivedBy(String recipient) {
		return List.of(this.server.getReceivedMessages()).stream().filter((message) -> addressedTo(message, recipient)).toList();
	}

	private static boolean addressedTo(MimeMessage message, String recipient) {
		try {
			return List.of(message.getAllRecipients()).stream().anyMatch((address) -> address.toString().equals(recipient));
		}
		catch (MessagingException ex) {
			return false;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
