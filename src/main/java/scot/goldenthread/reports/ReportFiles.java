package scot.goldenthread.reports;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.function.Consumer;

import scot.goldenthread.plans.PlanOnAPage;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Every report as a file to save, for the pages' download links and the API alike. */
@Component
class ReportFiles {

	private final ProgressReports reports;

	private final MeasuresReports measures;

	private final CommitteeReports papers;

	private final ReportWriter writer;

	ReportFiles(ProgressReports reports, MeasuresReports measures, CommitteeReports papers, ReportWriter writer) {
		this.reports = reports;
		this.measures = measures;
		this.papers = papers;
		this.writer = writer;
	}

	ResponseEntity<byte[]> progress(long planId, String format, ProgressReports.Selection selection) {
		ReportFormat chosen = format(format);
		ProgressReport report = this.reports.build(planId, selection);
		return attachment(report.fileName(), chosen, (out) -> this.writer.write(report, chosen, out));
	}

	ResponseEntity<byte[]> measures(long planId, String format) {
		ReportFormat chosen = format(format);
		MeasuresReport report = this.measures.build(planId);
		return attachment(report.fileName(), chosen, (out) -> this.writer.write(report, chosen, out));
	}

	ResponseEntity<byte[]> onAPage(long planId, String format) {
		ReportFormat chosen = format(format);
		if (chosen == ReportFormat.XLSX || chosen == ReportFormat.CSV) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A plan on a page comes as html, pdf or docx");
		}
		PlanOnAPage page = PlanOnAPage.of(this.reports.tree(planId));
		return attachment(page.tree().plan().code() + "-plan-on-a-page", chosen, (out) -> this.writer.write(page, chosen, out));
	}

	ResponseEntity<byte[]> committee(long id, String format) {
		ReportFormat chosen = ReportFormat.of(format).filter((f) -> f == ReportFormat.HTML || f == ReportFormat.PDF || f == ReportFormat.DOCX)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "A committee report comes as html, pdf or docx"));
		CommitteeReport paper = this.papers.get(id);
		ProgressReport appendix = this.papers.appendix(paper);
		String name = paper.subject().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "") + "-" + paper.meetingDate();
		return attachment(name, chosen, (out) -> this.writer.write(paper, appendix, chosen, out));
	}

	private static ReportFormat format(String format) {
		return ReportFormat.of(format).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
				"format must be one of html, pdf, docx, xlsx or csv"));
	}

	/** A file to save, named for what it holds, with the content type of its format. */
	private static ResponseEntity<byte[]> attachment(String name, ReportFormat format, Consumer<OutputStream> write) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		write.accept(out);
		return ResponseEntity.ok()
			.contentType(format.mediaType())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + "." + format.extension()).build().toString())
			.body(out.toByteArray());
	}

}
