package org.pmo.servicelifecycle.notice;

/** The notice model's contract: {@code bpmn/pmo-customer-notice.bpmn} and the variables its step reads. */
public final class NoticeProcess {

	public static final String KEY = "pmo-customer-notice";

	public static final String TASK_SEND_NOTICE = "Task_SendNotice";

	public static final String END_NOTICE_SENT = "End_NoticeSent";

	public static final String KIND = "noticeKind";

	public static final String SEGMENT = "noticeSegment";

	public static final String SUBJECT = "noticeSubject";

	public static final String TEXT = "noticeText";

	private NoticeProcess() {
	}

}
