package scot.goldenthread.reports;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import scot.goldenthread.plans.ExpectedOutcome;
import scot.goldenthread.plans.Plan;

/**
 * A progress report as a committee reads it: the actions chosen, grouped by priority, each with its
 * progress, its one status (the "Expected Outcome") and latest note; counts by status at the top, and
 * {@code asAt}, in words, when the statuses are judged. Every format is written from this one model.
 */
public record ProgressReport(Plan plan, String title, List<String> chosen, String asAt, LocalDateTime generatedAt, boolean draft,
		List<Group> groups) {

	/** A priority (or what the plan groups its actions under) and its actions. */
	public record Group(long elementId, String heading, List<Row> rows) {
	}

	/**
	 * One action. {@code planCode} is set when it comes from another plan along the golden thread;
	 * {@code state} says where a working-draft update is when it is not yet approved.
	 */
	public record Row(String code, String title, LocalDate due, Integer progress, ExpectedOutcome expectedOutcome, String note,
			List<String> leads, String planCode, String state) {

		public String leadText() {
			return String.join("; ", this.leads);
		}

	}

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
