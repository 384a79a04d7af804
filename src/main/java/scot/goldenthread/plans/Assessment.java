package scot.goldenthread.plans;

import java.util.Optional;

import scot.goldenthread.shared.Coded;

/** What a lead says of their own action in an update; once the plan's owner approves it, the plan shows it. */
public enum Assessment implements Coded {

	ON_TRACK(ExpectedOutcome.ON_TRACK), AT_RISK(ExpectedOutcome.AT_RISK), OVERDUE(ExpectedOutcome.OVERDUE),
	NOT_STARTED(ExpectedOutcome.NOT_STARTED), COMPLETED(ExpectedOutcome.COMPLETED);

	private final ExpectedOutcome outcome;

	Assessment(ExpectedOutcome outcome) {
		this.outcome = outcome;
	}

	/** The status a reader sees for it. */
	public ExpectedOutcome outcome() {
		return this.outcome;
	}

	public String label() {
		return this.outcome.label();
	}

	/** The assessment with the code; "warning" is at risk's code in plan files written before version 13. */
	public static Optional<Assessment> of(String code) {
		return "warning".equals(code) ? Optional.of(AT_RISK) : Coded.of(Assessment.class, code);
	}

}
