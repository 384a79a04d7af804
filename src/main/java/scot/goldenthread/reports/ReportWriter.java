package scot.goldenthread.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;

import scot.goldenthread.partnerships.PartnershipLooks;
import scot.goldenthread.plans.Plan;
import scot.goldenthread.plans.PlanOnAPage;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Writes each report in its formats: HTML and PDF from its template, the others by their own writers.
 * Which formats a report comes in is {@link ReportFiles}'s to check; one asked for here that it does
 * not come in is a mistake in the code.
 */
@Component
public class ReportWriter {

	private final ReportPages pages;

	private final PartnershipLooks looks;

	ReportWriter(ReportPages pages, PartnershipLooks looks) {
		this.pages = pages;
		this.looks = looks;
	}

	/** The look of the partnership that owns the plan, if it or the partnership above it has one. */
	private ReportLook look(Plan plan) {
		return (plan.partnershipCode() == null) ? null : this.looks.of(plan.partnershipCode())
			.map((look) -> new ReportLook(look, look.logo() ? this.looks.logo(look.partnershipCode()).orElse(null) : null)).orElse(null);
	}

	/**
	 * A committee's paper with its appendix, the progress report, and its further appendices, as HTML, PDF or Word: the
	 * formats papers go to a committee in. The PDF carries the further appendices that are PDFs after its own pages;
	 * each file lists them all.
	 */
	public void write(CommitteeReport paper, ProgressReport appendix, List<CommitteeAppendices.Attached> attached, List<byte[]> pdfs,
			ReportFormat format, OutputStream out) {
		Map<String, Object> variables = Map.of("c", paper, "r", appendix, "attached", attached);
		switch (format) {
			case HTML -> this.pages.write("reports/committee", variables, look(appendix.plan()), format, out);
			case PDF -> {
				ByteArrayOutputStream own = new ByteArrayOutputStream();
				this.pages.write("reports/committee", variables, look(appendix.plan()), format, own);
				followedBy(own.toByteArray(), pdfs, out);
			}
			case DOCX -> CommitteeReportDocument.write(paper, appendix, attached, look(appendix.plan()), out);
			default -> throw new IllegalArgumentException("A committee report comes as HTML, PDF or Word, not " + format);
		}
	}

	/** The PDF with the pages of each of the others after its own. */
	private static void followedBy(byte[] pdf, List<byte[]> others, OutputStream out) {
		try {
			if (others.isEmpty()) {
				out.write(pdf);
				return;
			}
			try (PDDocument whole = Loader.loadPDF(pdf)) {
				PDFMergerUtility merger = new PDFMergerUtility();
				for (byte[] other : others) {
					try (PDDocument next = Loader.loadPDF(other)) {
						merger.appendDocument(whole, next);
					}
				}
				whole.save(out);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void write(MeasuresReport report, ReportFormat format, OutputStream out) {
		switch (format) {
			case HTML, PDF -> this.pages.write("reports/measures", Map.of("m", report), look(report.plan()), format, out);
			case DOCX -> MeasuresReportFiles.docx(report, look(report.plan()), out);
			case XLSX -> MeasuresReportFiles.xlsx(report, out);
			case CSV -> MeasuresReportFiles.csv(report, out);
		}
	}

	/** Seed 000's annex 2 as HTML, PDF or Word. */
	public void write(PlanOnAPage page, ReportFormat format, OutputStream out) {
		switch (format) {
			case HTML, PDF -> this.pages.write("reports/on-a-page", Map.of("page", page), look(page.tree().plan()), format, out);
			case DOCX -> PlanOnAPageDocument.write(page, look(page.tree().plan()), out);
			default -> throw new IllegalArgumentException("A plan on a page comes as HTML, PDF or Word, not " + format);
		}
	}

	/** A report made of sections as a file to save, in the format asked for: HTML, PDF or Word; any other is a bad request. */
	public ResponseEntity<byte[]> file(ReportDocument document, String format) {
		ReportFormat chosen = ReportFormat.of(format).filter((f) -> f == ReportFormat.HTML || f == ReportFormat.PDF || f == ReportFormat.DOCX)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "format must be one of html, pdf, docx"));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		write(document, chosen, out);
		return ReportFiles.attachment(document.fileName() + "." + chosen.extension(), chosen.mediaType(), out.toByteArray());
	}

	/** A report made of sections, as HTML, PDF or Word. */
	public void write(ReportDocument document, ReportFormat format, OutputStream out) {
		switch (format) {
			case HTML, PDF -> this.pages.write("reports/document", Map.of("d", document), look(document.plan()), format, out);
			case DOCX -> ReportDocumentFile.write(document, look(document.plan()), out);
			default -> throw new IllegalArgumentException("A document comes as HTML, PDF or Word, not " + format);
		}
	}

	public void write(ProgressReport report, ReportFormat format, OutputStream out) {
		switch (format) {
			case HTML, PDF -> this.pages.write("reports/progress", Map.of("r", report), look(report.plan()), format, out);
			case DOCX -> ProgressReportDocument.write(report, look(report.plan()), out);
			case XLSX -> ProgressReportTable.xlsx(report, out);
			case CSV -> ProgressReportTable.csv(report, out);
		}
	}

}
