package scot.goldenthread.plans;

import java.util.Optional;

import scot.goldenthread.shared.Coded;

/**
 * An action's status, as a page or report shows it: the "Expected Outcome" icon of a progress report. It comes
 * from the plan owner's {@link OwnerDecision}, the lead's approved {@link Assessment}, or {@link ActionStatus}'s
 * judgement of progress against time; each of those has its own type, this is what they say to a reader.
 * No update yet and not due to start are never stored: they are what is known when nothing has been said.
 */
public enum ExpectedOutcome implements Coded {

	COMPLETED("Completed", "✔", "The action is done."),
	ON_TRACK("On track", "✓", "Expected to be done by its due date."),
	AT_RISK("At risk", "▲", "Progress is behind the time gone, so it may not be done by its due date."),
	OVERDUE("Overdue", "✖", "Its due date has passed and it is not done."),
	NOT_STARTED("Not started", "○", "Work on it has not begun."),
	NO_UPDATE("No update yet", "?", "No update on it has been approved yet, so its progress is not known."),
	NOT_DUE_TO_START("Not due to start", "◷", "Its start date has not come."),
	CANCELLED("Cancelled", "—", "The plan's owner has stopped it: it will not be done."),
	ON_HOLD("On hold", "Ⅱ", "The plan's owner has paused it."),
	DEFERRED("Deferred", "»", "The plan's owner has moved it to a later year or plan.");

	private final String label;

	private final String symbol;

	private final String meaning;

	ExpectedOutcome(String label, String symbol, String meaning) {
		this.label = label;
		this.symbol = symbol;
		this.meaning = meaning;
	}

	/** What the status means, in plain words, for the public. */
	public String meaning() {
		return this.meaning;
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
