package scot.goldenthread.plans;

import java.util.Arrays;
import java.util.Optional;

/** The lead's judgement of an action against its due date: the "Expected Outcome" icon of a progress report. */
public enum ExpectedOutcome {

	COMPLETED("completed", "Completed", "✔"), ON_TRACK("on-track", "On track", "✓"),
	WARNING("warning", "At risk", "▲"), OVERDUE("overdue", "Overdue", "✖"),
	NOT_STARTED("not-started", "Not started", "○"), CANCELLED("cancelled", "Cancelled", "—"),
	ON_HOLD("on-hold", "On hold", "Ⅱ");

	private final String code;

	private final String label;

	private final String symbol;

	ExpectedOutcome(String code, String label, String symbol) {
		this.code = code;
		this.label = label;
		this.symbol = symbol;
	}

	@com.fasterxml.jackson.annotation.JsonValue
	public String code() {
		return this.code;
	}

	public String label() {
		return this.label;
	}

	public String symbol() {
		return this.symbol;
	}

	public static Optional<ExpectedOutcome> of(String code) {
		return Arrays.stream(values()).filter((outcome) -> outcome.code.equals(code)).findFirst();
	}

}
