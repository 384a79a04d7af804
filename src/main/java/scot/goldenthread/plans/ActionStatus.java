package scot.goldenthread.plans;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * An action's one status, the same on every page, report, search, API answer and file. It is judged as at a
 * date, a reporting period's or the plan's end, never simply today. Where the lead's assessment was approved
 * in the period judged, it is the status; otherwise the status is worked out from progress against the time
 * gone. The worked-out judgement is kept beside the lead's, and where they disagree the status says so in
 * words. The plan owner's decision (completed, cancelled, on hold, deferred) stands above both.
 */
public final class ActionStatus {

	/** Progress this many points behind the share of time gone puts an action at risk. */
	static final int AT_RISK_MARGIN = 10;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");

	private ActionStatus() {
	}

	/**
	 * When a plan's actions are judged: {@code date}, the deadline of the reporting period named (where there is
	 * one) or the plan's end if sooner; a plan with no period to judge by is judged as at today until it ends.
	 */
	public record AsAt(LocalDate date, Long periodId, String periodName, LocalDate planEnd, boolean ended) {

		/** As a page heads a plan's statuses: "Ended 31 March 2023: the final position, as reported in ...". */
		public String words() {
			if (this.ended) {
				return "Ended " + DAY.format(this.planEnd) + ": the final position"
						+ ((this.periodName != null) ? ", as reported in " + this.periodName : "");
			}
			return (this.periodName != null) ? "Position as at " + DAY.format(this.date) + " (" + this.periodName + ")"
					: "As at " + DAY.format(this.date);
		}

		/** The same, for a period before the plan's last: not its final position, even once it has ended. */
		public AsAt earlier() {
			return new AsAt(this.date, this.periodId, this.periodName, this.planEnd, false);
		}

	}

	/**
	 * What the lead's latest approved update says of an action; {@code current} where it was approved in the
	 * period judged (or, for a plan without periods, given in the plan itself), {@code reportedIn} its period.
	 */
	public record Position(int progress, Assessment assessment, boolean current, String reportedIn) {
	}

	/**
	 * The one status, the judgement worked out from progress against time ({@code judged}, with {@code why}),
	 * and {@code remark}: in words, where the lead and the judgement disagree or the lead's word is not current.
	 */
	public record Status(ExpectedOutcome status, ExpectedOutcome judged, String why, String remark, boolean disagrees) {

		public String label() {
			return this.status.label();
		}

	}

	public static Status judge(LocalDate start, LocalDate due, OwnerDecision decision, Position position, AsAt asAt) {
		if (decision != null) {
			String why = (decision == OwnerDecision.COMPLETED) ? "marked complete by the plan owner" : decision.label() + ", as set by the plan owner";
			return new Status(decision.outcome(), decision.outcome(), why, null, false);
		}
		if (position == null) {
			return (start != null && asAt.date().isBefore(start))
					? new Status(ExpectedOutcome.NOT_DUE_TO_START, ExpectedOutcome.NOT_DUE_TO_START, "it starts on " + DAY.format(start), null, false)
					: new Status(ExpectedOutcome.NO_UPDATE, ExpectedOutcome.NO_UPDATE, "no update has been approved yet", null, false);
		}
		Judgement judgement = worked(start, due, position.progress(), asAt.date());
		Assessment said = position.assessment();
		if (!position.current()) {
			String remark = (asAt.periodName() != null)
					? "No update was approved in " + asAt.periodName() + ((position.reportedIn() != null) ? "; the last, in " + position.reportedIn()
							+ ", said " + position.progress() + "%" + ((said != null) ? " and " + said.label().toLowerCase() : "") : "")
					: null;
			return new Status(judgement.status(), judgement.status(), judgement.why(), remark, false);
		}
		if (said == null || said.outcome() == judgement.status()) {
			return new Status((said != null) ? said.outcome() : judgement.status(), judgement.status(), judgement.why(), null, false);
		}
		return new Status(said.outcome(), judgement.status(), judgement.why(), "The lead says " + said.label().toLowerCase() + "; "
				+ judgement.briefly() + " it looks " + judgement.status().label().toLowerCase(), true);
	}

	/** A worked-out status, why in full, and the same briefly for a sentence ("at 20% with 80% of the time gone"). */
	record Judgement(ExpectedOutcome status, String why, String briefly) {
	}

	static Judgement worked(LocalDate start, LocalDate due, int done, LocalDate date) {
		if (done == 100) {
			return new Judgement(ExpectedOutcome.COMPLETED, "100% done", "at 100%");
		}
		if (due != null && date.isAfter(due)) {
			return new Judgement(ExpectedOutcome.OVERDUE, done + "% done; it was due on " + DAY.format(due),
					"at " + done + "% after its due date of " + DAY.format(due));
		}
		ExpectedOutcome going = (done == 0) ? ExpectedOutcome.NOT_STARTED : ExpectedOutcome.ON_TRACK;
		if (due == null || start == null || !due.isAfter(start)) {
			return new Judgement(going, done + "% done; no start and due date to judge it against", "at " + done + "% with no dates");
		}
		if (date.isBefore(start)) {
			return new Judgement(going, done + "% done; it starts on " + DAY.format(start), "at " + done + "% before its start");
		}
		long expected = 100 * ChronoUnit.DAYS.between(start, date) / ChronoUnit.DAYS.between(start, due);
		return new Judgement((done >= expected - AT_RISK_MARGIN) ? going : ExpectedOutcome.AT_RISK,
				done + "% done with " + expected + "% of the time to " + DAY.format(due) + " gone",
				"at " + done + "% with " + expected + "% of the time gone");
	}

}
