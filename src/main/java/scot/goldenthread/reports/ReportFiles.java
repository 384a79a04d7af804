package scot.goldenthread.reports;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import scot.goldenthread.plans.PlanOnAPage;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
		return attachment(committeeName(paper) + "." + chosen.extension(), chosen.mediaType(), committee(paper, EnumSet.of(chosen)).get(chosen));
	}

	/** The paper, its appendix and its further appendices in each of the formats, as they stand now, read once for all. */
	Map<ReportFormat, byte[]> committee(CommitteeReport paper, Set<ReportFormat> formats) {
		ProgressReport appendix = this.papers.appendix(paper);
		List<CommitteeAppendices.Attached> attached = this.appendices.of(paper);
		List<byte[]> pdfs = formats.contains(ReportFormat.PDF) ? this.appendices.pdfs(paper) : List.of();
		Map<ReportFormat, byte[]> files = new EnumMap<>(ReportFormat.class);
		for (ReportFormat format : formats) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			this.writer.write(paper, appendix, attached, (format == ReportFormat.PDF) ? pdfs : List.of(), format, out);
			files.put(format, out.toByteArray());
		}
		return files;
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
		return attachment(name + "." + format.extension(), format.mediaType(), out.toByteArray());
	}

	/** A file to save under its name. */
	static ResponseEntity<byte[]> attachment(String fileName, MediaType type, byte[] body) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
			.body(body);
	}

}
