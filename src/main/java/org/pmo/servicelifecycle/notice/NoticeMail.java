package org.pmo.servicelifecycle.notice;

import java.util.Properties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The mail server notices go through: {@code SMTP_HOST} (with {@code SMTP_PORT}, {@code SMTP_USERNAME},
 * {@code SMTP_PASSWORD}); without a host, notices are kept in the outbox only. A mail server that refuses fails the
 * sending step, so its job is retried and ends in an incident: nothing is lost.
 */
@Component
class NoticeMail {

	private final JavaMailSenderImpl sender;

	private final String from;

	NoticeMail(@Value("${pmo.notices.smtp-host:}") String host, @Value("${pmo.notices.smtp-port:25}") int port,
			@Value("${pmo.notices.smtp-username:}") String username,
			@Value("${pmo.notices.smtp-password:}") String password,
			@Value("${pmo.notices.from:pmo-services@example.org}") String from) {
		this.from = from;
		if (host.isBlank()) {
			this.sender = null;
			return;
		}
		this.sender = new JavaMailSenderImpl();
		this.sender.setHost(host);
		this.sender.setPort(port);
		if (!username.isBlank()) {
			this.sender.setUsername(username);
			this.sender.setPassword(password);
		}
		Properties properties = this.sender.getJavaMailProperties();
		properties.put("mail.smtp.connectiontimeout", "5000");
		properties.put("mail.smtp.timeout", "5000");
		properties.put("mail.smtp.writetimeout", "5000");
		properties.put("mail.smtp.auth", String.valueOf(!username.isBlank()));
		// a password never travels in clear text
		properties.put("mail.smtp.starttls.enable", String.valueOf(!username.isBlank()));
		properties.put("mail.smtp.starttls.required", String.valueOf(!username.isBlank()));
	}

	boolean configured() {
		return this.sender != null;
	}

	void send(String to, String subject, String text) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(to);
		message.setSubject(subject);
		message.setText(text);
		this.sender.send(message);
	}

}
