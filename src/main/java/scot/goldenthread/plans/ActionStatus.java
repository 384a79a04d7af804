package scot.goldenthread.plans;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * An action's status worked out from its progress against the time gone between its start and due
 * date, shown beside the lead's own assessment. Overdue is automatic after the due date and completed
 * at 100%; cancelled, deferred and on hold are the plan owner's to set.
 */
public final class ActionStatus {

	/** Progress this many points behind the share of time gone puts an action at risk. */
	static final int AT_RISK_MARGIN = 10;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");

	private ActionStatus() {
	}

	/** A status and, in plain English, why. */
	public record Judgement(ExpectedOutcome status, String why) {
	}

	public static Judgement judge(LocalDate start, LocalDate due, Integer progress, OwnerDecision decision, LocalDate today) {
		int done = (progress != null) ? progress : 0;
		if (decision != null && decision != OwnerDecision.COMPLETED) {
			return new Judgement(decision.outcome(), decision.label() + ", as set by the plan owner");
		}
		if (decision == OwnerDecision.COMPLETED || done == 100) {
			return new Judgement(ExpectedOutcome.COMPLETED, (done == 100) ? "100% done" : "marked complete by the plan owner");
		}
		if (due != null && today.isAfter(due)) {
			return new Judgement(ExpectedOutcome.OVERDUE, done + "% done; it was due on " + DAY.format(due));
		}
		if (due == null || start == null || !due.isAfter(start)) {
			return new Judgement((done == 0) ? ExpectedOutcome.NOT_STARTED : ExpectedOutcome.ON_TRACK,
					done + "% done; no start and due date to judge it against");
		}
		if (today.isBefore(start)) {
			return new Judgement((done == 0) ? ExpectedOutcome.NOT_STARTED : ExpectedOutcome.ON_TRACK,
					done + "% done; it starts on " + DAY.format(start));
		}
		long expected = 100 * ChronoUnit.DAYS.between(start, today) / ChronoUnit.DAYS.between(start, due);
		String why = done + "% done with " + expected + "% of the time to " + DAY.format(due) + " gone";
		if (done >= expected - AT_RISK_MARGIN) {
			return new Judgement((done == 0) ? ExpectedOutcome.NOT_STARTED : ExpectedOutcome.ON_TRACK, why);
		}
		return new Judgement(ExpectedOutcome.AT_RISK, why);
	}

}
