package scot.goldenthread.reports;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

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

	/** The formats a document, rather than a table, comes in: a plan on a page and a committee paper. */
	private static final Set<ReportFormat> DOCUMENTS = EnumSet.of(ReportFormat.HTML, ReportFormat.PDF, ReportFormat.DOCX);

	private static final Set<ReportFormat> EVERY = EnumSet.allOf(ReportFormat.class);

	private final ProgressReports reports;

	private final MeasuresReports measures;

	private final CommitteeReports papers;

	private final ReportWriter writer;

	private final CommitteeAppendices appendices;

	ReportFiles(ProgressReports reports, MeasuresReports measures, CommitteeReports papers, ReportWriter writer, CommitteeAppendices appendices) {
		this.appendices = appendices;
		this.reports = reports;
		this.measures = measures;
		this.papers = papers;
		this.writer = writer;
	}

	ResponseEntity<byte[]> progress(long planId, String format, ProgressReports.Selection selection) {
		ReportFormat chosen = format(format, EVERY);
		ProgressReport report = this.reports.build(planId, selection);
		return attachment(report.fileName(), chosen, (out) -> this.writer.write(report, chosen, out));
	}

	ResponseEntity<byte[]> measures(long planId, String format) {
		ReportFormat chosen = format(format, EVERY);
		// tables carry no pictures
		MeasuresReport report = this.measures.build(planId, chosen != ReportFormat.XLSX && chosen != ReportFormat.CSV);
		return attachment(report.fileName(), chosen, (out) -> this.writer.write(report, chosen, out));
	}

	ResponseEntity<byte[]> onAPage(long planId, String format) {
		ReportFormat chosen = format(format, DOCUMENTS);
		PlanOnAPage page = PlanOnAPage.of(this.reports.tree(planId));
		return attachment(page.tree().plan().code() + "-plan-on-a-page", chosen, (out) -> this.writer.write(page, chosen, out));
	}

	ResponseEntity<byte[]> committee(long id, String format) {
		ReportFormat chosen = format(format, DOCUMENTS);
		CommitteeReport paper = this.papers.get(id);
		return attachment(committeeName(paper), chosen, (out) -> committee(paper, chosen, out));
	}

	/** The paper, its appendix and its further appendices, in the format, as they stand now. */
	void committee(CommitteeReport paper, ReportFormat format, OutputStream out) {
		this.writer.write(paper, this.papers.appendix(paper), this.appendices.of(paper),
				(format == ReportFormat.PDF) ? this.appendices.pdfs(paper) : List.of(), format, out);
	}

	static String committeeName(CommitteeReport paper) {
		return paper.subject().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "") + "-" + paper.meetingDate();
	}

	/** The format asked for, if the report comes in it: every format, unless {@code allowed} names fewer. */
	private static ReportFormat format(String format, Set<ReportFormat> allowed) {
		return ReportFormat.of(format).filter(allowed::contains).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
				"format must be one of " + allowed.stream().map(ReportFormat::code).collect(Collectors.joining(", "))));
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
