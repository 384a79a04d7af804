package scot.goldenthread.reports;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import scot.goldenthread.shared.ReportTable;

/** A progress report as a table, one row per action. */
final class ProgressReportTable {

	/** An action with the priority it is reported under and the plan the report is of. */
	private record Line(ProgressReport report, ProgressReport.Group group, ProgressReport.Row row) {
	}

	private static final ReportTable<Line> TABLE = new ReportTable<>(List.of(
			// rows from another plan along the golden thread say which plan; the rest are the report's own
			new ReportTable.Column<Line>("Plan", 14, (l) -> (l.row().planCode() != null) ? l.row().planCode() : l.report().plan().code()),
			new ReportTable.Column<Line>("Priority", 40, (l) -> l.group().heading()),
			new ReportTable.Column<Line>("Code", 12, (l) -> l.row().code()),
			new ReportTable.Column<Line>("Action", 50, (l) -> l.row().title()),
			new ReportTable.Column<Line>("By When", 12, (l) -> (l.row().dueWritten() != null) ? l.row().dueWritten() : l.row().due()),
			new ReportTable.Column<Line>("Progress (%)", 12, (l) -> l.row().progress()),
			new ReportTable.Column<Line>("Expected Outcome", 16, (l) -> (l.row().expectedOutcome() != null) ? l.row().expectedOutcome().label() : null),
			new ReportTable.Column<Line>("Latest Note", 80, (l) -> l.row().note()),
			new ReportTable.Column<Line>("Lead", 30, (l) -> l.row().leadText()),
			new ReportTable.Column<Line>("Update state", 18, (l) -> (l.row().state() != null) ? l.row().state() : "Approved"),
			new ReportTable.Column<Line>("Project phase", 16, (l) -> (l.row().phase() != null) ? l.row().phase().label() : null)));

	private ProgressReportTable() {
	}

	private static List<Line> lines(ProgressReport report) {
		List<Line> lines = new ArrayList<>();
		report.groups().forEach((g) -> g.rows().forEach((r) -> lines.add(new Line(report, g, r))));
		return lines;
	}

	static void csv(ProgressReport report, OutputStream out) {
		TABLE.csv(lines(report), out);
	}

	static void xlsx(ProgressReport report, OutputStream out) {
		List<Line> lines = lines(report);
		TABLE.xlsx(lines, "Progress report", new String[][] { { "Report", report.title() + " progress report" },
				{ "Produced", ProgressReportDocument.GENERATED.format(report.generatedAt()) },
				{ "Data", report.draft() ? "DRAFT: the working draft, with updates not yet approved" : "Approved updates only" },
				{ "Statuses", report.asAt() },
				{ "Selection", report.chosen().isEmpty() ? "All actions" : String.join("; ", report.chosen()) },
				{ "Actions", Integer.toString(lines.size()) } }, out);
	}

}
