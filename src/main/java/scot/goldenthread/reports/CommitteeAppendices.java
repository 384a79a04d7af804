package scot.goldenthread.reports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.shared.NotFound;
import scot.goldenthread.shared.Refused;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The further appendices of a committee report (Appendix 2 on, after the progress report), each a PDF or Word file
 * its plan's owner attaches. A PDF follows the paper in its PDF; a Word file is listed, to be published beside it.
 */
@Service
public class CommitteeAppendices {

	static final String PDF = "application/pdf";

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	static final int MAX_BYTES = 20 * 1024 * 1024;

	private final JdbcClient jdbc;

	private final CommitteeReports papers;

	private final AuditLog audit;

	CommitteeAppendices(JdbcClient jdbc, CommitteeReports papers, AuditLog audit) {
		this.jdbc = jdbc;
		this.papers = papers;
		this.audit = audit;
	}

	/** An appendix as the paper lists it: numbered from 2, as the progress report is Appendix 1. */
	public record Attached(long id, int number, String title, String fileName, String contentType, int size) {

		public boolean pdf() {
			return PDF.equals(this.contentType);
		}

	}

	/** The paper's further appendices, in the order they were attached; whoever may see the paper sees them. */
	public List<Attached> of(CommitteeReport paper) {
		return this.jdbc.sql("select id, title, file_name, content_type, length(content) from committee_appendix where report_id = ? order by id")
			.param(paper.id())
			.query((rs, row) -> new Attached(rs.getLong(1), row + 2, rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
			.list();
	}

	public record File(String fileName, String contentType, byte[] content) {
	}

	public Optional<File> file(long reportId, long appendixId) {
		this.papers.get(reportId);
		return this.jdbc.sql("select file_name, content_type, content from committee_appendix where id = ? and report_id = ?")
			.params(appendixId, reportId)
			.query((rs, row) -> new File(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

	/** The files' contents, in order, for the PDF that carries them. */
	List<byte[]> pdfs(CommitteeReport paper) {
		return this.jdbc.sql("select content from committee_appendix where report_id = ? and content_type = ? order by id")
			.params(paper.id(), PDF).query((rs, row) -> rs.getBytes(1)).list();
	}

	/** Attaches the file, or refuses it with each problem beside its field, attaching nothing. */
	@Transactional
	public Attached attach(long reportId, String title, String fileName, byte[] content) {
		CommitteeReport paper = this.papers.get(reportId);
		this.papers.requireWriter(paper.planId());
		Map<String, String> problems = new LinkedHashMap<>();
		String stripped = (title != null) ? title.strip() : "";
		if (stripped.isEmpty() || stripped.length() > 200 || stripped.chars().anyMatch((c) -> c < 0x20)) {
			problems.put("title", "Enter the appendix's title, one line of up to 200 characters");
		}
		String type = null;
		if (content == null || content.length == 0) {
			problems.put("file", "Choose a PDF or Word file");
		}
		else if (content.length > MAX_BYTES) {
			problems.put("file", "The file must be 20 MB or smaller; this one is " + (content.length / (1024 * 1024)) + " MB");
		}
		else {
			type = kind(content);
			if (type == null) {
				problems.put("file", "The file must be a PDF or a Word (.docx) file that opens, without a password");
			}
		}
		if (!problems.isEmpty()) {
			throw new Refused(problems);
		}
		String name = (fileName != null && !fileName.isBlank()) ? fileName.strip().replaceAll("[\\\\/\\p{Cntrl}]", "_") : "appendix";
		long id = this.jdbc.sql("""
				insert into committee_appendix (report_id, title, file_name, content_type, content, uploaded_by)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(reportId, stripped, name, type, content, this.audit.actor())
			.query(Long.class).single();
		Attached attached = of(paper).stream().filter((a) -> a.id() == id).findFirst().orElseThrow();
		this.audit.created("committee-appendix", id, "Attached Appendix " + attached.number() + ", " + stripped + ", to " + paper.subject(),
				Map.of("report", reportId, "title", stripped, "file", name, "type", type, "bytes", content.length));
		return attached;
	}

	@Transactional
	public void remove(long reportId, long appendixId) {
		CommitteeReport paper = this.papers.get(reportId);
		this.papers.requireWriter(paper.planId());
		Attached attached = of(paper).stream().filter((a) -> a.id() == appendixId).findFirst()
			.orElseThrow(() -> NotFound.because("There is no such appendix"));
		this.jdbc.sql("delete from committee_appendix where id = ?").param(appendixId).update();
		this.audit.deleted("committee-appendix", appendixId, "Removed Appendix " + attached.number() + ", " + attached.title() + ", from "
				+ paper.subject(), attached);
	}

	/** What the file is, read from the file itself: a PDF that opens, or a Word document that opens; else null. */
	private static String kind(byte[] content) {
		boolean pdf = new String(content, 0, Math.min(content.length, 5), StandardCharsets.ISO_8859_1).equals("%PDF-");
		try {
			if (pdf) {
				try (PDDocument document = Loader.loadPDF(content)) {
					return document.isEncrypted() ? null : PDF;
				}
			}
			try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
				return DOCX;
			}
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

}
