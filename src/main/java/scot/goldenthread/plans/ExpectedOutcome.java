package scot.goldenthread.plans;

import java.util.Optional;

import scot.goldenthread.shared.Coded;

/**
 * An action's status against its due date: the "Expected Outcome" icon of a progress report, as the
 * lead judges it and as {@link ActionStatus} works it out.
 */
public enum ExpectedOutcome implements Coded {

	COMPLETED("Completed", "✔"), ON_TRACK("On track", "✓"), WARNING("At risk", "▲"), OVERDUE("Overdue", "✖"),
	NOT_STARTED("Not started", "○"), CANCELLED("Cancelled", "—"), ON_HOLD("On hold", "Ⅱ"), DEFERRED("Deferred", "»");

	private final String label;

	private final String symbol;

	ExpectedOutcome(String label, String symbol) {
		this.label = label;
		this.symbol = symbol;
	}

	public String label() {
		return this.label;
	}

	public String symbol() {
		return this.symbol;
	}

	public static Optional<ExpectedOutcome> of(String code) {
		return Coded.of(ExpectedOutcome.class, code);
	}

}
