package org.pmo.servicelifecycle.notice;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.customer.Customer;
import org.pmo.servicelifecycle.customer.Customers;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox, written in transactions of its own: the notices of a step are kept before any is mailed, and each is
 * marked sent as soon as it is, so a step retried after a failure mails only those not sent yet.
 */
@Component
class NoticeOutbox {

	/** The longest text a notice keeps. */
	static final int MAX_TEXT = 4000;

	private final NoticeRepository notices;

	private final Customers customers;

	private final Clock clock;

	NoticeOutbox(NoticeRepository notices, Customers customers, Clock clock) {
		this.notices = notices;
		this.customers = customers;
		this.clock = clock;
	}

	/** The step's notices: those it kept before, or one per customer the service reaches now. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public List<Notice> keep(String origin, PmoService service, NoticeKind kind, CustomerSegment segment,
			String subject, String text) {
		List<Notice> kept = this.notices.findByOriginOrderById(origin);
		if (!kept.isEmpty()) {
			return kept;
		}
		List<Notice> written = new ArrayList<>();
		for (Customer customer : this.customers.receiving(service, segment)) {
			written.add(this.notices.save(new Notice(origin, service.getId(), kind, customer.getId(),
					customer.getContactEmail(), cut(subject, 255), cut(text, MAX_TEXT), this.clock.instant())));
		}
		this.notices.flush();
		return written;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void sent(long noticeId) {
		this.notices.findById(noticeId).ifPresent((notice) -> notice.sent(this.clock.instant()));
	}

	private static String cut(String text, int most) {
		return (text.length() <= most) ? text : text.substring(0, most - 1) + "…";
	}

}
