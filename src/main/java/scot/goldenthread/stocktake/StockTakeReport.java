package scot.goldenthread.stocktake;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import scot.goldenthread.plans.Plan;
import scot.goldenthread.reports.ReportDocument;

/** The check against the six statements as a report to print: each statement with its findings, its gaps and the partnership's own view. */
final class StockTakeReport {

	private StockTakeReport() {
	}

	static ReportDocument of(Plan plan, List<SixStatements.Statement> statements, Map<Integer, StockTakeRecords.SelfAssessment> own,
			OffsetDateTime at) {
		List<ReportDocument.Section> sections = new ArrayList<>();
		for (SixStatements.Statement s : statements) {
			List<ReportDocument.Part> parts = new ArrayList<>();
			parts.add(new ReportDocument.Part("Where it stands", List.of(s.standing() + "."), List.of()));
			parts.add(new ReportDocument.Part("What the records show", List.of(), s.findings()));
			if (!s.gaps().isEmpty()) {
				parts.add(new ReportDocument.Part("What is missing", List.of(), s.gaps().stream().map(SixStatements.Gap::text).toList()));
			}
			StockTakeRecords.SelfAssessment assessed = own.get(s.number());
			parts.add(new ReportDocument.Part("The partnership's own assessment",
					List.of((assessed != null && assessed.selfAssessment() != null) ? assessed.selfAssessment() : "Not given yet."), List.of()));
			if (assessed != null && assessed.improvementActions() != null) {
				parts.add(new ReportDocument.Part("Improvement actions", List.of(assessed.improvementActions()), List.of()));
			}
			sections.add(new ReportDocument.Section(s.number() + ". " + s.title(), s.statement(), parts));
		}
		long shown = statements.stream().filter((s) -> s.gaps().isEmpty()).count();
		return new ReportDocument(plan, "The plan against the six statements",
				"The national stock-take of Local Outcomes Improvement Plans judged every plan against six statements. This report works out from "
						+ "the plan's own records, as they stood on " + at.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK))
						+ ", what they show for each and what is missing, beside the partnership's own assessment. The records show " + shown + " of the "
						+ statements.size() + " statements with nothing missing.",
				sections, at);
	}

}
