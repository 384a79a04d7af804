package scot.goldenthread.plans;

import java.util.Optional;

import scot.goldenthread.shared.Coded;

/** What a plan's owner decides of an action, above whatever its progress says: it is done, stopped, paused or moved. */
public enum OwnerDecision implements Coded {

	COMPLETED(ExpectedOutcome.COMPLETED), CANCELLED(ExpectedOutcome.CANCELLED), ON_HOLD(ExpectedOutcome.ON_HOLD),
	DEFERRED(ExpectedOutcome.DEFERRED);

	private final ExpectedOutcome outcome;

	OwnerDecision(ExpectedOutcome outcome) {
		this.outcome = outcome;
	}

	/** The status a reader sees for it. */
	public ExpectedOutcome outcome() {
		return this.outcome;
	}

	public String label() {
		return this.outcome.label();
	}

	public static Optional<OwnerDecision> of(String code) {
		return Coded.of(OwnerDecision.class, code);
	}

}
