package org.pmo.servicelifecycle.notice;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pmo.servicelifecycle.agreement.AgreementBreached;
import org.pmo.servicelifecycle.agreement.Labels;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.HistoryDetails;
import org.pmo.servicelifecycle.catalog.HistoryKind;
import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.catalog.ServiceVersionReleased;
import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.catalog.StageEntered;
import org.pmo.servicelifecycle.lifecycle.ApplicationAuthority;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notices to the customers a service reaches (every customer of a mandated offering's segment, the subscribers of an
 * additional one), to their contact e-mail: the retirement (a step of the retirement), and the go-live, a new version
 * and a breach of an agreement they are party to (each a small model of its own, {@code pmo-customer-notice}). Each
 * notice is kept in the service's outbox; with a mail server it is also sent, and a failed sending fails the step,
 * whose job is retried and ends in an incident.
 */
@Service("customerNotices")
@Transactional
public class CustomerNotices {

	private final NoticeRepository notices;

	private final NoticeOutbox outbox;

	private final ServiceCatalog catalog;

	private final NoticeMail mail;

	private final RuntimeService runtimeService;

	private final ApplicationAuthority application;

	CustomerNotices(NoticeRepository notices, NoticeOutbox outbox, ServiceCatalog catalog, NoticeMail mail,
			RuntimeService runtimeService, ApplicationAuthority application) {
		this.notices = notices;
		this.outbox = outbox;
		this.catalog = catalog;
		this.mail = mail;
		this.runtimeService = runtimeService;
		this.application = application;
	}

	/**
	 * Gives the step's notice to each customer the service reaches ({@code segment}: of that offering only): kept in
	 * the outbox first, then mailed one by one, each marked sent at once. A failure fails the step; its retry mails
	 * only what was not sent. {@code origin} names the step.
	 */
	public List<Notice> notify(String origin, PmoService service, NoticeKind kind, CustomerSegment segment,
			String subject, String text) {
		List<Notice> given = this.outbox.keep(origin, service, kind, segment, subject, text);
		if (this.mail.configured()) {
			for (Notice notice : given) {
				if (notice.getSentAt() == null) {
					this.mail.send(notice.getRecipient(), notice.getSubject(), notice.getText());
					this.outbox.sent(notice.getId());
				}
			}
		}
		return given;
	}

	/** The step a notice comes from: its process instance and activity. */
	static String originOf(DelegateExecution execution) {
		return execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId();
	}

	/** The step of {@code pmo-customer-notice}. */
	public void send(DelegateExecution execution) {
		PmoService service = this.catalog.find((String) execution.getVariable(ServiceLifecycleProcess.Variables.SERVICE_CODE));
		Object segment = execution.getVariable(NoticeProcess.SEGMENT);
		List<Notice> sent = notify(originOf(execution), service,
				NoticeKind.valueOf((String) execution.getVariable(NoticeProcess.KIND)),
				(segment != null) ? CustomerSegment.valueOf((String) segment) : null,
				(String) execution.getVariable(NoticeProcess.SUBJECT), (String) execution.getVariable(NoticeProcess.TEXT));
		this.catalog.record(service.getCode(), HistoryKind.CUSTOMERS_NOTIFIED, new HistoryDetails(
				execution.getCurrentActivityName(), null, null,
				sent.size() + " customer(s) told: " + execution.getVariable(NoticeProcess.SUBJECT)));
	}

	@Transactional(readOnly = true)
	public List<NoticeView> outbox(String code) {
		PmoService service = this.catalog.find(code);
		return this.notices.findByServiceIdOrderByCreatedAtDescIdDesc(service.getId())
			.stream()
			.map(NoticeView::of)
			.toList();
	}

	@EventListener
	void wentLive(StageEntered entered) {
		if (entered.from() == Stage.IMPLEMENTATION && entered.to() == Stage.OPERATION) {
			PmoService service = this.catalog.find(entered.code());
			ask(service, NoticeKind.GO_LIVE, null, service.getName() + " is live",
					service.getName() + " (" + service.getCode() + ") is live from today. " + service.getDescription());
		}
	}

	@EventListener
	void released(ServiceVersionReleased released) {
		PmoService service = this.catalog.find(released.code());
		ask(service, NoticeKind.NEW_VERSION, null, service.getName() + ": version " + released.newVersion(),
				service.getName() + " (" + service.getCode() + ") runs as version " + released.newVersion()
						+ " from today.");
	}

	@EventListener
	void breached(AgreementBreached breach) {
		PmoService service = this.catalog.find(breach.code());
		ask(service, NoticeKind.BREACH, breach.segment(), service.getName() + ": an agreement was missed",
				breach.reason() + ". The PMO reviews the service" + ((breach.segment() != null)
						? " for " + Labels.segment(breach.segment()).toLowerCase() : "") + ".");
	}

	/** Starts the notice model as the application: the notice follows from a step already permitted. */
	private void ask(PmoService service, NoticeKind kind, CustomerSegment segment, String subject, String text) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(ServiceLifecycleProcess.Variables.SERVICE_CODE, service.getCode());
		variables.put(ServiceLifecycleProcess.Variables.SERVICE_NAME, service.getName());
		variables.put(NoticeProcess.KIND, kind.name());
		variables.put(NoticeProcess.SEGMENT, (segment != null) ? segment.name() : null);
		variables.put(NoticeProcess.SUBJECT, subject);
		variables.put(NoticeProcess.TEXT, (text.length() <= 3900) ? text : text.substring(0, 3899) + "…");
		this.application.run(() -> this.runtimeService.startProcessInstanceByKey(NoticeProcess.KEY, service.getCode() + "-notice",
				variables));
	}

}
