package scot.goldenthread.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import scot.goldenthread.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The background papers of seed 002's paragraph 13: the exact files of a committee report as they were laid before
 * the committee, its PDF (with the appendices it carries) and its Word file, kept unchanged however the report is
 * edited afterwards, for four years from the meeting, then deleted.
 */
@Service
public class LaidPapers {

	static final int YEARS_KEPT = 4;

	private final JdbcClient jdbc;

	private final CommitteeReports papers;

	private final ReportFiles files;

	private final AuditLog audit;

	private final Clock clock;

	LaidPapers(JdbcClient jdbc, CommitteeReports papers, ReportFiles files, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.papers = papers;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
	}

	private static final String LAID = "select id, laid_at, laid_by, kept_until, length(pdf) as pdf_size, length(docx) as docx_size from laid_paper";

	public record Laid(long id, OffsetDateTime laidAt, String laidBy, LocalDate keptUntil, int pdfSize, int docxSize) {
	}

	/** The paper's files as laid, the latest first; whoever may see the paper sees them. */
	public List<Laid> of(CommitteeReport paper) {
		return this.jdbc.sql(LAID + " where report_id = ? and kept_until >= ? order by laid_at desc, id desc")
			.params(paper.id(), LocalDate.now(this.clock))
			.query(Laid.class)
			.list();
	}

	/** One of the files as laid: the PDF or the Word file. */
	public Optional<byte[]> file(long reportId, long laidId, ReportFormat format) {
		this.papers.get(reportId);
		String column = switch (format) {
			case PDF -> "pdf";
			case DOCX -> "docx";
			default -> throw new IllegalArgumentException("A paper is laid as PDF and Word, not " + format);
		};
		return this.jdbc.sql("select " + column + " from laid_paper where id = ? and report_id = ? and kept_until >= ?")
			.params(laidId, reportId, LocalDate.now(this.clock))
			.query((rs, row) -> rs.getBytes(1))
			.optional();
	}

	/** Keeps the paper's PDF and Word file as they are now, as the ones laid before the committee. */
	@Transactional
	public Laid lay(long reportId) {
		CommitteeReport paper = this.papers.get(reportId);
		this.papers.requireWriter(paper.planId());
		return record(paper, this.audit.actor());
	}

	/** The paper as laid by whoever laid it: for the papers laid before this system held the plan. */
	@Transactional
	public Laid record(CommitteeReport paper, String laidBy) {
		Map<ReportFormat, byte[]> files = this.files.committee(paper, EnumSet.of(ReportFormat.PDF, ReportFormat.DOCX));
		byte[] pdf = files.get(ReportFormat.PDF);
		byte[] docx = files.get(ReportFormat.DOCX);
		LocalDate keptUntil = paper.meetingDate().plusYears(YEARS_KEPT);
		long id = this.jdbc.sql("insert into laid_paper (report_id, pdf, docx, laid_by, kept_until) values (?, ?, ?, ?, ?) returning id")
			.params(paper.id(), pdf, docx, laidBy, keptUntil)
			.query(Long.class).single();
		this.audit.created("laid-paper", id, "Laid " + paper.subject() + " before " + paper.reportTo() + "; kept until " + keptUntil,
				Map.of("report", paper.id(), "pdfBytes", pdf.length, "docxBytes", docx.length, "keptUntil", keptUntil.toString()));
		return this.jdbc.sql(LAID + " where id = ?").param(id).query(Laid.class).single();
	}

	/** Each day, on one instance, the papers whose four years are over go. */
	@Scheduled(cron = "${goldenthread.laid-papers.purge:0 30 2 * * *}")
	@SchedulerLock(name = "laid-papers-purge", lockAtLeastFor = "PT5M")
	@Transactional
	void purgeDaily() {
		purge();
	}

	/** Deletes the papers whose four years are over; answers how many. */
	@Transactional
	public int purge() {
		List<Long> gone = this.jdbc.sql("delete from laid_paper where kept_until < ? returning id")
			.param(LocalDate.now(this.clock)).query(Long.class).list();
		gone.forEach((id) -> this.audit.deleted("laid-paper", id, "Deleted background papers kept their four years", Map.of("id", id)));
		return gone.size();
	}

}
