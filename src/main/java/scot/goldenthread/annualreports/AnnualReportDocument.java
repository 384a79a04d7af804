package scot.goldenthread.annualreports;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import scot.goldenthread.reports.ReportDocument;

/** An annual report as a document to print: what improved and what got worse first, then each section with its figures. */
final class AnnualReportDocument {

	private AnnualReportDocument() {
	}

	static final List<String> MEASURE_COLUMNS = List.of("Measure", "Latest", "The time before", "Which way", "Scotland", "Family group");

	static final List<String> ACTION_COLUMNS = List.of("Action", "Status", "Progress", "Latest note");

	/** {@code comments}: those published. */
	static ReportDocument of(AnnualReports.AnnualReport report, List<ReportComments.Comment> comments, ReportComments.Counts counts,
			OffsetDateTime at) {
		AnnualReportContent c = report.content();
		List<ReportDocument.Section> sections = new ArrayList<>();
		List<ReportDocument.Part> balance = new ArrayList<>();
		balance.add(new ReportDocument.Part(null, List.of(balance(c)), List.of()));
		for (AnnualReportContent.Direction d : AnnualReportContent.Direction.values()) {
			List<AnnualReportContent.MeasureRow> went = c.went(d);
			if (!went.isEmpty()) {
				balance.add(new ReportDocument.Part(d.label(), List.of(), went.stream().map(AnnualReportDocument::line).toList()));
			}
		}
		if (!c.noNewData().isEmpty()) {
			balance.add(new ReportDocument.Part("No new data this year", List.of(), c.noNewData().stream().map(AnnualReportDocument::line).toList()));
		}
		sections.add(new ReportDocument.Section("Summary", report.word("summary"), balance));
		for (AnnualReportContent.Section s : c.sections()) {
			List<ReportDocument.Part> parts = new ArrayList<>();
			List<AnnualReportContent.MeasureRow> measures = s.measures().stream().map(c::measure).filter(Objects::nonNull).toList();
			if (!measures.isEmpty()) {
				parts.add(new ReportDocument.Part(null, List.of(), List.of(), new ReportDocument.Table("Measures of " + s.code(), MEASURE_COLUMNS,
						measures.stream().map(AnnualReportDocument::row).toList())));
				parts.add(new ReportDocument.Part("The story behind the data", List.of(), measures.stream().map((m) -> story(report, m)).toList()));
			}
			if (!s.actions().isEmpty()) {
				parts.add(new ReportDocument.Part(null, List.of(), List.of(), new ReportDocument.Table("Actions of " + s.code(), ACTION_COLUMNS,
						s.actions().stream().map((a) -> List.of(a.code() + " " + a.title(), Objects.toString(a.status(), "No update"),
								(a.progress() != null) ? a.progress() + "%" : "", Objects.toString(a.note(), ""))).toList())));
			}
			parts.addAll(stories(report.storiesOf(s.elementId())));
			if (!s.partnerPlans().isEmpty()) {
				parts.add(new ReportDocument.Part("What the partner plans did", List.of(),
						s.partnerPlans().stream().map((p) -> p.planTitle() + ": " + p.standing()).toList()));
			}
			sections.add(new ReportDocument.Section(s.level() + " " + s.code() + ": " + s.title(), report.word("section:" + s.elementId()), parts));
		}
		if (!report.storiesOf(null).isEmpty()) {
			sections.add(new ReportDocument.Section("Stories", null, stories(report.storiesOf(null))));
		}
		sections.add(new ReportDocument.Section("You said, we did", report.word("participation"), List.of(new ReportDocument.Part(null,
				c.participation().isEmpty() ? List.of("No participation is recorded for the year.") : List.of(),
				c.participation().stream().map(AnnualReportDocument::heard).toList()))));
		sections.add(new ReportDocument.Section("Resources committed for " + c.year(), report.word("resources"),
				List.of(c.resources().isEmpty() ? new ReportDocument.Part(null, List.of("No partner's resources are recorded for the year."), List.of())
						: new ReportDocument.Part(null, List.of(), List.of(), new ReportDocument.Table("Resources by partner",
								List.of("Partner", "Money", "Staff (FTE)", "In kind"), c.resources().stream().map((r) -> List.of(r.partner(),
										Objects.toString(r.money(), ""), Objects.toString(r.fte(), ""), String.join("; ", r.inKind()))).toList())))));
		if (counts.received() > 0 || report.word("comments") != null) {
			List<ReportDocument.Part> say = new ArrayList<>();
			say.add(new ReportDocument.Part(null, List.of(counts.received() + " comments were received while the draft was open; " + counts.published()
					+ " are published here with the partnership's replies."), List.of()));
			if (report.word("comments") != null) {
				say.add(new ReportDocument.Part("What changed as a result", List.of(report.word("comments")), List.of()));
			}
			say.add(new ReportDocument.Part(null, List.of(), comments.stream().map((m) -> Objects.toString(m.name(), "Someone who gave no name") + ": "
					+ m.text() + ((m.reply() != null) ? " The partnership replied: " + m.reply() : "")).toList()));
			sections.add(new ReportDocument.Section("Your say", null, say));
		}
		return new ReportDocument(report.plan(), "Annual report " + c.year(), c.planTitle() + ": progress from " + c.from() + " to " + c.to()
				+ (report.status() == AnnualReports.Status.PUBLISHED ? "." : ". Draft: not yet published."), sections, at);
	}

	private static List<ReportDocument.Part> stories(List<AnnualReports.Story> stories) {
		return stories.stream().map((x) -> new ReportDocument.Part(x.title(), List.of(x.text()), List.of(), null,
				(x.picture() != null) ? new ReportDocument.Picture(x.picture(), x.pictureType(), x.altText()) : null)).toList();
	}

	/** "Of the plan's 34 measures, 5 improved, 2 got worse, ...; 26 had no new data this year." */
	static String balance(AnnualReportContent c) {
		return "Of the plan's " + c.measures().size() + " measures, " + c.went(AnnualReportContent.Direction.IMPROVED).size() + " improved, "
				+ c.went(AnnualReportContent.Direction.WORSE).size() + " got worse, " + c.went(AnnualReportContent.Direction.NO_CHANGE).size()
				+ " did not change and " + c.went(AnnualReportContent.Direction.NO_JUDGEMENT).size()
				+ " have too little data to say, each on its latest two figures; " + c.noNewData().size() + " had no new data this year"
				+ " (no figure for a period ending since 1 April " + (Integer.parseInt(c.year().substring(0, 4)) - 1)
				+ "). Every measure is listed, whichever way it went.";
	}

	private static String line(AnnualReportContent.MeasureRow m) {
		return m.title() + ((m.latest() != null) ? ": " + m.latest() + " in " + m.latestPeriod()
				+ ((m.previous() != null) ? ", from " + m.previous() + " in " + m.previousPeriod() : "") : ": no value yet")
				+ (m.newData() ? "" : " (no new data this year)");
	}

	private static List<String> row(AnnualReportContent.MeasureRow m) {
		return List.of(m.code() + " " + m.title(), (m.latest() != null) ? m.latest() + " (" + m.latestPeriod() + ")" : "No value yet",
				(m.previous() != null) ? m.previous() + " (" + m.previousPeriod() + ")" : "",
				m.direction().label() + (m.newData() ? "" : "; no new data this year"),
				Objects.toString(m.scotland(), ""), (m.familyGroup() != null) ? m.familyGroup() + " (" + m.familyGroupName() + ")" : "");
	}

	private static String story(AnnualReports.AnnualReport report, AnnualReportContent.MeasureRow m) {
		String commentary = report.commentary(m);
		return m.code() + ": " + ((commentary != null) ? commentary + " " : "") + ((m.gap() != null) ? m.gap() + ". " : "")
				+ "Source: " + Objects.toString(m.source(), "not recorded") + ((m.latestPeriod() != null) ? ", latest figure for " + m.latestPeriod() : "") + ".";
	}

	private static String heard(AnnualReportContent.Participation p) {
		return p.title() + " (" + p.method().toLowerCase() + ", " + p.when() + ((p.participants() != null) ? ", " + p.participants() + " people" : "") + ")"
				+ ((p.heard() != null) ? ". You said: " + p.heard() : "") + ((p.changed() != null) ? " We did: " + p.changed() : "");
	}

}
