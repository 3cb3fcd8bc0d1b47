package org.pmo.servicelifecycle.demo;

/**
 * Who takes the lifecycle's steps: a customer raises the request, a PMO manager evaluates and reviews, an analyst
 * designs and plans, a member of the portfolio board approves.
 */
public record People(String customer, String analyst, String manager, String board) {

	/** The demo organisation's people (password = user id). */
	public static final People DEMO = new People("paul", "anna", "mark", "sara");

	public People withAnalyst(String otherAnalyst) {
		return new People(this.customer, otherAnalyst, this.manager, this.board);
	}

	public People withManager(String otherManager) {
		return new People(this.customer, this.analyst, otherManager, this.board);
	}

	public People withBoard(String otherBoardMember) {
		return new People(this.customer, this.analyst, this.manager, otherBoardMember);
	}

}
