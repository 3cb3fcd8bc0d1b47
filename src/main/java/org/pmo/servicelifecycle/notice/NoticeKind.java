package org.pmo.servicelifecycle.notice;

/** What a notice to customers is about. */
public enum NoticeKind {

	RETIREMENT, GO_LIVE, NEW_VERSION, BREACH

}
