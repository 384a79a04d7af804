package scot.goldenthread.reports;

import java.io.OutputStream;
import java.util.Map;

import scot.goldenthread.plans.PlanOnAPage;

import org.springframework.stereotype.Component;

/**
 * Writes each report in its formats: HTML and PDF from its template, the others by their own writers.
 * Which formats a report comes in is {@link ReportFiles}'s to check; one asked for here that it does
 * not come in is a mistake in the code.
 */
@Component
public class ReportWriter {

	private final ReportPages pages;

	ReportWriter(ReportPages pages) {
		this.pages = pages;
	}

	/** A committee's paper with its appendix, as HTML, PDF or Word: the formats papers go to a committee in. */
	public void write(CommitteeReport paper, ProgressReport appendix, ReportFormat format, OutputStream out) {
		switch (format) {
			case HTML, PDF -> this.pages.write("reports/committee", Map.of("c", paper, "r", appendix), format, out);
			case DOCX -> CommitteeReportDocument.write(paper, appendix, out);
			default -> throw new IllegalArgumentException("A committee report comes as HTML, PDF or Word, not " + format);
		}
	}

	public void write(MeasuresReport report, ReportFormat format, OutputStream out) {
		switch (format) {
			case HTML, PDF -> this.pages.write("reports/measures", Map.of("m", report), format, out);
			case DOCX -> MeasuresReportFiles.docx(report, out);
			case XLSX -> MeasuresReportFiles.xlsx(report, out);
			case CSV -> MeasuresReportFiles.csv(report, out);
		}
	}

	/** Seed 000's annex 2 as HTML, PDF or Word. */
	public void write(PlanOnAPage page, ReportFormat format, OutputStream out) {
		switch (format) {
			case HTML, PDF -> this.pages.write("reports/on-a-page", Map.of("page", page), format, out);
			case DOCX -> PlanOnAPageDocument.write(page, out);
			default -> throw new IllegalArgumentException("A plan on a page comes as HTML, PDF or Word, not " + format);
		}
	}

	public void write(ProgressReport report, ReportFormat format, OutputStream out) {
		switch (format) {
			case HTML, PDF -> this.pages.write("reports/progress", Map.of("r", report), format, out);
			case DOCX -> ProgressReportDocument.write(report, out);
			case XLSX -> ProgressReportTable.xlsx(report, out);
			case CSV -> ProgressReportTable.csv(report, out);
		}
	}

}
