package org.pmo.servicelifecycle.notice;

import java.time.Instant;

/** A notice as the outbox shows it; {@code sentAt} null: kept, no mail server configured. */
public record NoticeView(long id, NoticeKind kind, long customer, String recipient, String subject, String text,
		Instant createdAt, Instant sentAt) {

	static NoticeView of(Notice notice) {
		return new NoticeView(notice.getId(), notice.getKind(), notice.getCustomerId(), notice.getRecipient(),
				notice.getSubject(), notice.getText(), notice.getCreatedAt(), notice.getSentAt());
	}

}
