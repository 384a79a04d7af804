package scot.goldenthread.reports;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import scot.goldenthread.plans.ExpectedOutcome;
import scot.goldenthread.plans.ImprovementProject;
import scot.goldenthread.plans.Plan;

/**
 * A progress report as a committee reads it: the actions chosen, grouped by priority, each with its
 * progress, its one status (the "Expected Outcome") and latest note; counts by status at the top, and
 * {@code asAt}, in words, when the statuses are judged. Every format is written from this one model.
 */
public record ProgressReport(Plan plan, String title, List<String> chosen, String asAt, LocalDateTime generatedAt, boolean draft,
		List<Group> groups) {

	/**
	 * A priority (or what the plan groups its actions under) and its actions, with the levels {@code above} it in the
	 * plan (the vision aside); an element with no action under it has none, and its published measures each with its
	 * status in words instead.
	 */
	public record Group(long elementId, List<String> above, String heading, List<Row> rows, List<MeasureLine> measures) {

		/** Whether the row at {@code index} is the first under a level between the group and its actions, as its sub-heading. */
		public boolean startsUnder(int index) {
			String under = this.rows.get(index).under();
			return under != null && (index == 0 || !under.equals(this.rows.get(index - 1).under()));
		}

	}

	/** A measure of an element with no actions: its code, title and status, such as "Off target: 43.0% in 2023/24 ...". */
	public record MeasureLine(String code, String title, String status) {
	}

	/**
	 * One action. {@code planCode} is set when it comes from another plan along the golden thread;
	 * {@code state} says where a working-draft update is when it is not yet approved; {@code under} names the levels
	 * between its group and itself ("Outcome - Children are safe"), where there are any.
	 */
	public record Row(String code, String title, LocalDate due, String dueWritten, Integer progress, ExpectedOutcome expectedOutcome, String note,
			List<String> leads, String planCode, String state, String under, ImprovementProject.Phase phase) {

		/** "Improvement project: testing", for an action run as one; null for the rest. */
		public String projectPhase() {
			return (this.phase != null) ? "Improvement project: " + this.phase.label().toLowerCase(Locale.ROOT) : null;
		}

		/** "31-Aug-2023" as seed 002 writes a day, or the date as the plan wrote it ("by 2026"). */
		public String byWhen() {
			return (this.dueWritten != null) ? this.dueWritten : (this.due != null) ? BY_WHEN.format(this.due) : "";
		}

		public String leadText() {
			return String.join("; ", this.leads);
		}

	}

	private static final DateTimeFormatter BY_WHEN = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.UK);

	public List<Row> rows() {
		return this.groups.stream().flatMap((g) -> g.rows().stream()).toList();
	}

	/** How many actions have each status, in the key's order. */
	public Map<ExpectedOutcome, Long> counts() {
		Map<ExpectedOutcome, Long> counts = new EnumMap<>(ExpectedOutcome.class);
		rows().forEach((r) -> counts.merge(r.expectedOutcome(), 1L, Long::sum));
		return counts;
	}

	/** The file name every format shares, such as "PPL-2022-23-progress-report-2022-12-20". */
	public String fileName() {
		return this.plan.code() + "-progress-report" + (this.draft ? "-DRAFT" : "") + "-" + this.generatedAt.toLocalDate();
	}

}
