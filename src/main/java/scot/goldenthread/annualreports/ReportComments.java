package scot.goldenthread.annualreports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.people.Access;
import scot.goldenthread.shared.Coded;
import scot.goldenthread.shared.NotFound;
import scot.goldenthread.shared.Note;
import scot.goldenthread.shared.Refused;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The community's comments on a draft annual report open for them: anyone sends one, with a name if they like and no
 * account; each is held until the plan's owner publishes it or declines it with a reason, and replies. An email
 * address is the partnership's alone; links are shown as the words they are. A sender may send a few an hour.
 */
@Service
public class ReportComments {

	static final int MAX_TEXT = 2000;

	/** Enough for a resident with a lot to say in one sitting; more from one sender in an hour is refused. */
	static final int PER_HOUR = 5;

	/** However many senders, a report takes no more in a day than a moderator could read. */
	static final int PER_DAY = 500;

	private final JdbcClient jdbc;

	private final AnnualReports reports;

	private final Access access;

	private final AuditLog audit;

	private final Clock clock;

	ReportComments(JdbcClient jdbc, AnnualReports reports, Access access, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.reports = reports;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	public enum Status implements Coded {
		HELD, PUBLISHED, DECLINED
	}

	/** A comment; {@code email} only for the partnership, {@code about} the part of the report it is on (null: the whole). */
	public record Comment(long id, String about, String name, String email, String text, OffsetDateTime receivedAt, Status status, String reason,
			String reply) {
	}

	/** What a resident sends. */
	public record Form(String about, String name, String email, String text) {
	}

	/** How many came, and how many are published and declined. */
	public record Counts(int received, int published, int declined) {
	}

	/** The report's comments: all, with their senders' addresses, for its owner; the published ones, without, for the rest. */
	public List<Comment> of(AnnualReports.AnnualReport report) {
		boolean owner = this.reports.mayWrite(report.plan());
		return this.jdbc.sql("""
				select * from annual_report_comment where report_id = ? and (status = 'published' or ?)
				order by case status when 'held' then 0 else 1 end, received_at""")
			.params(report.id(), owner)
			.query((rs, n) -> new Comment(rs.getLong("id"), rs.getString("about"), rs.getString("name"), owner ? rs.getString("email") : null,
					rs.getString("text"), rs.getObject("received_at", OffsetDateTime.class), Coded.of(Status.class, rs.getString("status")).orElseThrow(),
					owner ? rs.getString("reason") : null, rs.getString("reply")))
			.list();
	}

	/** The comments published with the report, as everyone sees them. */
	public List<Comment> published(AnnualReports.AnnualReport report) {
		return of(report).stream().filter((m) -> m.status() == Status.PUBLISHED).toList();
	}

	public Counts counts(long reportId) {
		return this.jdbc.sql("""
				select count(*), count(*) filter (where status = 'published'), count(*) filter (where status = 'declined')
				from annual_report_comment where report_id = ?""")
			.param(reportId).query((rs, n) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single();
	}

	/** Takes a comment while the report is open for them, held for the owner; {@code from} is where it came from, kept only as a hash. */
	@Transactional
	public void send(long reportId, Form form, String from) {
		AnnualReports.AnnualReport report = this.reports.get(reportId);
		LocalDate today = LocalDate.now(this.clock);
		if (!report.openForComment(today)) {
			throw new Refused(Map.of("text", "The report is not open for comments"));
		}
		Map<String, String> problems = new LinkedHashMap<>();
		String text = (form.text() != null) ? form.text().strip() : "";
		String problem = text.isEmpty() ? "Enter your comment" : Note.problem("comment", text, MAX_TEXT);
		if (problem != null) {
			problems.put("text", problem);
		}
		String name = typed(form.name());
		if (name != null && (name.length() > 100 || name.contains("<") || name.lines().count() > 1)) {
			problems.put("name", "Enter your name in up to 100 characters on one line, or leave it empty");
		}
		String email = typed(form.email());
		if (email != null && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
			problems.put("email", "Enter an email address like name@example.org, or leave it empty");
		}
		String about = typed(form.about());
		if (about != null && !AnnualReports.allowed(report.content(), about)) {
			problems.put("about", "Choose a part of the report, or the whole report");
		}
		if (!problems.isEmpty()) {
			throw new Refused(problems);
		}
		String sender = sender(from, today);
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		if (this.jdbc.sql("select count(*) from annual_report_comment where sender = ? and received_at > ?").params(sender, now.minusHours(1))
			.query(Integer.class).single() >= PER_HOUR) {
			throw new Refused(Map.of("text", "You have sent " + PER_HOUR + " comments in the last hour. Please wait an hour before sending more."));
		}
		if (this.jdbc.sql("select count(*) from annual_report_comment where report_id = ? and received_at > ?").params(reportId, now.minusDays(1))
			.query(Integer.class).single() >= PER_DAY) {
			throw new Refused(Map.of("text", "The report has had as many comments today as can be read. Please send yours tomorrow."));
		}
		long id = this.jdbc.sql("""
				insert into annual_report_comment (report_id, about, name, email, text, received_at, sender) values (?, ?, ?, ?, ?, ?, ?)
				returning id""").params(reportId, about, name, email, text, now, sender).query(Long.class).single();
		// the audit trail has what was said and on what, not who said it nor where they may be written to
		this.audit.created("annual-report-comment", id, "A comment on the draft annual report " + report.year() + " of " + report.plan().code(),
				Map.of("about", String.valueOf(about), "text", text));
	}

	/** The owner publishes a comment or declines it with the reason, and may reply. */
	@Transactional
	public void moderate(long commentId, String decision, String reason, String reply) {
		long reportId = this.jdbc.sql("select report_id from annual_report_comment where id = ?").param(commentId).query(Long.class).optional()
			.orElseThrow(() -> NotFound.because("There is no such comment"));
		AnnualReports.AnnualReport report = this.reports.get(reportId);
		this.access.require(this.reports.mayWrite(report.plan()));
		Comment before = of(report).stream().filter((c) -> c.id() == commentId).findFirst().orElseThrow();
		Status status = Coded.of(Status.class, (decision != null) ? decision.strip() : "").filter((s) -> s != Status.HELD).orElse(null);
		Map<String, String> problems = new LinkedHashMap<>();
		if (status == null) {
			problems.put("decision", "Choose to publish the comment or to decline it");
		}
		String why = typed(reason);
		if (status == Status.DECLINED && why == null) {
			problems.put("reason", "Say why the comment is declined");
		}
		String answer = typed(reply);
		for (Map.Entry<String, String> text : Map.of("reason", (why != null) ? why : "", "reply", (answer != null) ? answer : "").entrySet()) {
			String problem = Note.problem(text.getKey(), text.getValue(), MAX_TEXT);
			if (problem != null) {
				problems.put(text.getKey(), problem);
			}
		}
		if (!problems.isEmpty()) {
			throw new Refused(problems);
		}
		this.jdbc.sql("""
				update annual_report_comment set status = ?, reason = ?, reply = ?, moderated_by = ?, moderated_at = ? where id = ?""")
			.params(status.code(), why, answer, this.audit.actor(), OffsetDateTime.now(this.clock), commentId).update();
		this.audit.updated("annual-report-comment", commentId, ((status == Status.PUBLISHED) ? "Published" : "Declined") + " a comment on an annual report",
				Map.of("status", before.status().code()), Map.of("status", status.code(), "reason", String.valueOf(why), "reply", String.valueOf(answer)));
	}

	private static String typed(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/** A one-way hash of where a comment came from and the day: enough to count one sender's comments, never to find them. */
	private static String sender(String from, LocalDate day) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest((from + " " + day).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java has SHA-256", ex);
		}
	}

}
