package scot.goldenthread.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import scot.goldenthread.plans.PlanOnAPage;

import org.springframework.stereotype.Component;

/** Writes a progress report in any of its formats. */
@Component
public class ReportWriter {

	private final ReportPages pages;

	ReportWriter(ReportPages pages) {
		this.pages = pages;
	}

	/** A committee's paper with its appendix, as HTML, PDF or Word: the formats papers go to a committee in. */
	public void write(CommitteeReport paper, ProgressReport appendix, ReportFormat format, OutputStream out) {
		Map<String, Object> variables = Map.of("c", paper, "r", appendix);
		try {
			switch (format) {
				case HTML -> out.write(this.pages.html("reports/committee", variables, false).getBytes(StandardCharsets.UTF_8));
				case PDF -> this.pages.pdf("reports/committee", variables, out);
				case DOCX -> CommitteeReportDocument.write(paper, appendix, out);
				case XLSX, CSV -> throw new IllegalArgumentException("A committee report comes as HTML, PDF or Word (docx)");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void write(MeasuresReport report, ReportFormat format, OutputStream out) {
		try {
			switch (format) {
				case HTML -> out.write(this.pages.html("reports/measures", Map.of("m", report), false).getBytes(StandardCharsets.UTF_8));
				case PDF -> this.pages.pdf("reports/measures", Map.of("m", report), out);
				case DOCX -> MeasuresReportFiles.docx(report, out);
				case XLSX -> MeasuresReportFiles.xlsx(report, out);
				case CSV -> MeasuresReportFiles.csv(report, out);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Seed 000's annex 2 as HTML, PDF or Word. */
	public void write(PlanOnAPage page, ReportFormat format, OutputStream out) {
		try {
			switch (format) {
				case HTML -> out.write(this.pages.html("reports/on-a-page", Map.of("page", page), false).getBytes(StandardCharsets.UTF_8));
				case PDF -> this.pages.pdf("reports/on-a-page", Map.of("page", page), out);
				case DOCX -> PlanOnAPageDocument.write(page, out);
				case XLSX, CSV -> throw new IllegalArgumentException("A plan on a page comes as HTML, PDF or Word (docx)");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void write(ProgressReport report, ReportFormat format, OutputStream out) {
		Map<String, Object> variables = Map.of("r", report);
		try {
			switch (format) {
				case HTML -> out.write(this.pages.html("reports/progress", variables, false).getBytes(StandardCharsets.UTF_8));
				case PDF -> this.pages.pdf("reports/progress", variables, out);
				case DOCX -> ProgressReportDocument.write(report, out);
				case XLSX -> ProgressReportTable.xlsx(report, out);
				case CSV -> ProgressReportTable.csv(report, out);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
