package scot.goldenthread.reports;

import java.time.LocalDateTime;
import java.util.List;

import scot.goldenthread.plans.Plan;

/** A plan's dashboard measures as a report: for each pillar its measures with latest value, target, status, trend and comparator. */
public record MeasuresReport(Plan plan, LocalDateTime generatedAt, List<Group> groups) {

	public record Group(String heading, List<Row> rows) {
	}

	/**
	 * One measure, its figures written out as a committee reads them; {@code chart} is a PNG of a measure with
	 * data, where the report was built with its charts drawn.
	 */
	public record Row(String code, String title, String latest, String period, String target, String status, String trend,
			String comparison, String wording, boolean hasData, byte[] chart) {

		public String chartData() {
			return scot.goldenthread.shared.DataUri.of("image/png", this.chart);
		}

	}

	public List<Row> rows() {
		return this.groups.stream().flatMap((g) -> g.rows().stream()).toList();
	}

	public String fileName() {
		return this.plan.code() + "-measures-report-" + this.generatedAt.toLocalDate();
	}

}
