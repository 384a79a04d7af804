package scot.goldenthread.annualreports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.measures.MeasureCatalogue;
import scot.goldenthread.people.Access;
import scot.goldenthread.plans.Plan;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanTree;
import scot.goldenthread.shared.Coded;
import scot.goldenthread.shared.DataUri;
import scot.goldenthread.shared.NotFound;
import scot.goldenthread.shared.Note;
import scot.goldenthread.shared.Refused;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A plan's annual reports: the owner makes one for a year from the data, writes the words around its figures, brings
 * the figures up to date while it is a draft, approves it and publishes it. The public sees a report once published,
 * as it was published; the partnership sees drafts.
 */
@Service
public class AnnualReports {

	/** Long enough for an introduction or a measure's commentary of a few paragraphs. */
	static final int MAX_WORDS = 5000;

	private final JdbcClient jdbc;

	private final PlanCatalogue plans;

	private final MeasureCatalogue measures;

	private final AnnualReportDraft draft;

	private final Access access;

	private final AuditLog audit;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	AnnualReports(JdbcClient jdbc, PlanCatalogue plans, MeasureCatalogue measures, AnnualReportDraft draft, Access access, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.measures = measures;
		this.draft = draft;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	public enum Status implements Coded {

		DRAFT("Draft"), APPROVED("Approved, to be published"), PUBLISHED("Published");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	/**
	 * A report as the person asking sees it: a published one as it was published, a draft as it stands. {@code words}
	 * by key: "summary", "section:{elementId}", "measure:{code}", "participation", "resources", and "comments" (what changed as a
	 * result of the community's comments).
	 */
	public record AnnualReport(long id, Plan plan, String year, Status status, AnnualReportContent content, Map<String, String> words,
			OffsetDateTime figuresAt, String approvedBy, OffsetDateTime approvedAt, String publishedBy, OffsetDateTime publishedAt, int version,
			LocalDate commentsFrom, LocalDate commentsTo, List<Story> stories) {

		/** The stories of a section ({@code elementId}), or of none (null): those told on their own. */
		public List<Story> storiesOf(Long elementId) {
			return this.stories.stream().filter((s) -> java.util.Objects.equals(s.elementId(), elementId)).toList();
		}

		/** Whether a draft is open for the community's comments on the day: then the public sees it, as a draft. */
		public boolean openForComment(LocalDate day) {
			return this.status != Status.PUBLISHED && this.commentsFrom != null && !day.isBefore(this.commentsFrom)
					&& (this.commentsTo == null || !day.isAfter(this.commentsTo));
		}

		public String word(String key) {
			return this.words.get(key);
		}

		/** The officers' commentary on a measure, or else the lead's latest story behind its data. */
		public String commentary(AnnualReportContent.MeasureRow m) {
			return this.words.getOrDefault("measure:" + m.code(), m.story());
		}

	}

	/** A case study told beside the figures: its title and text, a picture with its alternative text, the section it illustrates. */
	public record Story(long id, Long elementId, String title, String text, byte[] picture, String pictureType, String altText) {

		/** The picture inside the page itself, or null where there is none. */
		public String dataUri() {
			return DataUri.of(this.pictureType, this.picture);
		}

	}

	/** What is kept on publication: the figures, the words and the stories as they then were. */
	record Published(AnnualReportContent content, Map<String, String> words, List<Story> stories) {
	}

	/** A story as its form sends it; {@code section} the id of the element it illustrates, or empty. */
	public record StoryForm(String section, String title, String text, String altText) {
	}

	/** 5 MB: a photograph for a page, with room to spare. */
	static final int MAX_PICTURE = 5 * 1024 * 1024;

	@Transactional
	public void addStory(long id, StoryForm form, byte[] picture) {
		AnnualReport report = unpublished(id);
		Map<String, String> problems = new LinkedHashMap<>();
		String title = (form.title() != null) ? form.title().strip() : "";
		if (title.isEmpty() || title.length() > 200 || title.contains("<")) {
			problems.put("title", "Enter the story's title in up to 200 characters");
		}
		String text = (form.text() != null) ? form.text().strip() : "";
		String problem = text.isEmpty() ? "Enter the story" : Note.problem("story", text, MAX_WORDS);
		if (problem != null) {
			problems.put("text", problem);
		}
		Long element = null;
		if (form.section() != null && !form.section().isBlank()) {
			element = report.content().sections().stream().map(AnnualReportContent.Section::elementId)
				.filter((e) -> String.valueOf(e).equals(form.section().strip())).findFirst().orElse(null);
			if (element == null) {
				problems.put("section", "Choose a part of the report, or none");
			}
		}
		String type = null;
		byte[] bytes = (picture != null && picture.length > 0) ? picture : null;
		String alt = (form.altText() != null && !form.altText().isBlank()) ? form.altText().strip() : null;
		if (bytes != null) {
			type = (bytes.length > 3 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') ? "image/png"
					: (bytes.length > 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xD8) ? "image/jpeg" : null;
			if (type == null) {
				problems.put("picture", "Upload the picture as a PNG or JPEG file");
			}
			else if (bytes.length > MAX_PICTURE) {
				problems.put("picture", "The picture must be smaller than 5 MB");
			}
			if (alt == null || alt.length() > 500) {
				problems.put("altText", "Say in up to 500 characters what the picture shows, for those who cannot see it");
			}
		}
		if (!problems.isEmpty()) {
			throw new Refused(problems);
		}
		long story = this.jdbc.sql("""
				insert into annual_report_story (report_id, element_id, title, text, picture, picture_type, alt_text) values (?, ?, ?, ?, ?, ?, ?)
				returning id""").params(id, element, title, text, bytes, type, (bytes != null) ? alt : null).query(Long.class).single();
		this.audit.created("annual-report-story", story, "Added the story '" + title + "' to the annual report " + report.year() + " of "
				+ report.plan().code(), Map.of("title", title, "text", text, "picture", String.valueOf(alt)));
	}

	@Transactional
	public void removeStory(long id, long storyId) {
		AnnualReport report = unpublished(id);
		Story before = report.stories().stream().filter((s) -> s.id() == storyId).findFirst()
			.orElseThrow(() -> NotFound.because("The report has no such story"));
		this.jdbc.sql("delete from annual_report_story where id = ?").param(storyId).update();
		this.audit.deleted("annual-report-story", storyId, "Removed the story '" + before.title() + "' from the annual report " + report.year()
				+ " of " + report.plan().code(), Map.of("title", before.title(), "text", before.text()));
	}

	/** A report in a list of them. */
	public record Listed(long id, String year, Status status, OffsetDateTime publishedAt) {
	}

	/** The plan's reports, latest year first: the public's the published ones; one query however many years. */
	public List<Listed> of(long planId) {
		Plan plan = visible(planId);
		boolean drafts = this.access.maySeeUnpublished(this.plans.scopeOf(plan));
		return this.jdbc.sql("""
				select id, year, status, published_at from annual_report where plan_id = ?
				and (status = 'published' or ? or (comments_from <= ? and (comments_to is null or comments_to >= ?))) order by year desc""")
			.params(planId, drafts, LocalDate.now(this.clock), LocalDate.now(this.clock))
			.query((rs, n) -> new Listed(rs.getLong(1), rs.getString(2), Coded.of(Status.class, rs.getString(3)).orElseThrow(),
					rs.getObject(4, OffsetDateTime.class)))
			.list();
	}

	public AnnualReport get(long id) {
		long planId = this.jdbc.sql("select plan_id from annual_report where id = ?").param(id).query(Long.class).optional()
			.orElseThrow(() -> NotFound.because("There is no such annual report"));
		Plan plan = visible(planId);
		AnnualReport report = read(id, plan);
		if (report.status() != Status.PUBLISHED && !report.openForComment(LocalDate.now(this.clock))
				&& !this.access.maySeeUnpublished(this.plans.scopeOf(plan))) {
			throw NotFound.because("There is no such annual report");
		}
		return report;
	}

	private AnnualReport read(long id, Plan plan) {
		return this.jdbc.sql("select * from annual_report where id = ?").param(id).query((rs, n) -> map(rs, plan)).single();
	}

	public boolean mayWrite(Plan plan) {
		return this.access.mayOwn(this.plans.scopeOf(plan));
	}

	/** Makes the year's report from the data, as a draft; the owner's alone, one a plan and year. */
	@Transactional
	public AnnualReport make(long planId, String year) {
		return draft(owned(planId), year);
	}

	/** The draft as the demo data makes it, with no one signed in. */
	@Transactional
	public AnnualReport load(String planCode, String year) {
		return draft(this.plans.plan(planCode).orElseThrow(), year);
	}

	private AnnualReport draft(Plan plan, String year) {
		long planId = plan.id();
		String typed = (year != null) ? year.strip() : "";
		if (!typed.matches("\\d{4}/\\d{2}") || Integer.parseInt(typed.substring(5)) != (Integer.parseInt(typed.substring(0, 4)) + 1) % 100) {
			throw new Refused(Map.of("year", "Enter the reporting year as the year it starts and the next, such as 2024/25"));
		}
		if (this.jdbc.sql("select count(*) from annual_report where plan_id = ? and year = ?").params(planId, typed).query(Integer.class).single() > 0) {
			throw new Refused(Map.of("year", "The plan already has a report for " + typed));
		}
		long id = this.jdbc.sql("insert into annual_report (plan_id, year, content, figures_at) values (?, ?, ?::jsonb, ?) returning id")
			.params(planId, typed, this.json.writeValueAsString(figures(plan, typed)), OffsetDateTime.now(this.clock)).query(Long.class).single();
		this.audit.created("annual-report", id, "Made the annual report " + typed + " of " + plan.code() + " from the data",
				Map.of("plan", plan.code(), "year", typed));
		return read(id, plan);
	}

	private AnnualReportContent figures(Plan plan, String year) {
		PlanTree tree = this.plans.tree(plan.id()).orElseThrow().without(this.measures.unpublished());
		return this.draft.make(tree, year);
	}

	/** The figures made again from the data as it stands; an approved report goes back to draft, to be approved again. */
	@Transactional
	public AnnualReport refresh(long id, int version) {
		AnnualReport before = unpublished(id);
		int changed = this.jdbc.sql("""
				update annual_report set content = ?::jsonb, figures_at = ?, status = 'draft', approved_by = null, approved_at = null,
				       version = version + 1 where id = ? and version = ?""")
			.params(this.json.writeValueAsString(figures(before.plan(), before.year())), OffsetDateTime.now(this.clock), id, version).update();
		requireChanged(changed, before);
		this.audit.updated("annual-report", id, "Brought the figures of the annual report " + before.year() + " of " + before.plan().code()
				+ " up to date", Map.of("figuresAt", before.figuresAt().toString(), "status", before.status().code()), Map.of("status", "draft"));
		return get(id);
	}

	/** The words around the figures, each key's text (an empty one taken away); the figures are not the officers' to change. */
	@Transactional
	public AnnualReport write(long id, Map<String, String> words, int version) {
		AnnualReport before = unpublished(id);
		Map<String, String> problems = new LinkedHashMap<>();
		Map<String, String> kept = new LinkedHashMap<>();
		words.forEach((key, text) -> {
			if (!allowed(before.content(), key)) {
				problems.put(key, "There is no such part of the report");
				return;
			}
			String problem = Note.problem("text", text, MAX_WORDS);
			if (problem != null) {
				problems.put(key, problem);
			}
			else if (text != null && !text.isBlank()) {
				kept.put(key, text.strip());
			}
		});
		if (!problems.isEmpty()) {
			throw new Refused(problems);
		}
		int changed = this.jdbc.sql("""
				update annual_report set status = 'draft', approved_by = null, approved_at = null, version = version + 1
				where id = ? and version = ?""").params(id, version).update();
		requireChanged(changed, before);
		this.jdbc.sql("delete from annual_report_words where report_id = ?").param(id).update();
		kept.forEach((key, text) -> this.jdbc.sql("insert into annual_report_words (report_id, key, text) values (?, ?, ?)").params(id, key, text)
			.update());
		this.audit.updated("annual-report", id, "Wrote the words of the annual report " + before.year() + " of " + before.plan().code(),
				before.words(), kept);
		return get(id);
	}

	/** A key the report has: its summary, one of its sections or measures, its participation or resources. */
	static boolean allowed(AnnualReportContent content, String key) {
		return List.of("summary", "participation", "resources", "comments").contains(key)
				|| content.sections().stream().anyMatch((s) -> key.equals("section:" + s.elementId()))
				|| content.measures().stream().anyMatch((m) -> key.equals("measure:" + m.code()));
	}

	/** Opens the draft to the community's comments between the days given, or closes it to them where none are. */
	@Transactional
	public AnnualReport openForComment(long id, LocalDate from, LocalDate to, int version) {
		AnnualReport before = unpublished(id);
		if (from == null && to != null || from != null && to != null && to.isBefore(from)) {
			throw new Refused(Map.of("commentsTo", "The last day for comments must be on or after the first"));
		}
		int changed = this.jdbc.sql("update annual_report set comments_from = ?, comments_to = ?, version = version + 1 where id = ? and version = ?")
			.params(from, to, id, version).update();
		requireChanged(changed, before);
		this.audit.updated("annual-report", id, ((from != null) ? "Opened" : "Closed") + " the draft annual report " + before.year() + " of "
				+ before.plan().code() + " to comments", Map.of("from", String.valueOf(before.commentsFrom()), "to", String.valueOf(before.commentsTo())),
				Map.of("from", String.valueOf(from), "to", String.valueOf(to)));
		return get(id);
	}

	/** The plan owner approves the draft as it stands, figures and words. */
	@Transactional
	public AnnualReport approve(long id, int version) {
		AnnualReport before = unpublished(id);
		if (before.status() != Status.DRAFT) {
			throw new Refused(Map.of("", "The report is already approved"));
		}
		int changed = this.jdbc.sql("""
				update annual_report set status = 'approved', approved_by = ?, approved_at = ?, version = version + 1
				where id = ? and version = ?""").params(this.audit.actor(), OffsetDateTime.now(this.clock), id, version).update();
		requireChanged(changed, before);
		this.audit.updated("annual-report", id, "Approved the annual report " + before.year() + " of " + before.plan().code(),
				Map.of("status", "draft"), Map.of("status", "approved"));
		return get(id);
	}

	/** Publishes the approved report: its figures and words are kept as they are now, whatever the data does after. */
	@Transactional
	public AnnualReport publish(long id, int version) {
		AnnualReport before = unpublished(id);
		if (before.status() != Status.APPROVED) {
			throw new Refused(Map.of("", "The plan's owner approves the report before it is published"));
		}
		int changed = this.jdbc.sql("""
				update annual_report set status = 'published', published_by = ?, published_at = ?, published_content = ?::jsonb,
				       version = version + 1 where id = ? and version = ?""")
			.params(this.audit.actor(), OffsetDateTime.now(this.clock),
					this.json.writeValueAsString(new Published(before.content(), before.words(), before.stories())), id, version)
			.update();
		requireChanged(changed, before);
		this.audit.updated("annual-report", id, "Published the annual report " + before.year() + " of " + before.plan().code(),
				Map.of("status", "approved"), Map.of("status", "published"));
		return get(id);
	}

	/** The published report as its open data: the figures and words as published. */
	public Optional<String> published(long id) {
		AnnualReport report = get(id);
		return (report.status() == Status.PUBLISHED)
				? Optional.of(this.json.writeValueAsString(new Published(report.content(), report.words(), report.stories()))) : Optional.empty();
	}

	private AnnualReport unpublished(long id) {
		AnnualReport report = get(id);
		this.access.require(mayWrite(report.plan()));
		if (report.status() == Status.PUBLISHED) {
			throw new Refused(Map.of("", "A published report stays as it was published"));
		}
		return report;
	}

	private static void requireChanged(int changed, AnnualReport before) {
		if (changed == 0) {
			throw new Refused(Map.of("", "Someone changed this report after you opened it, so nothing was saved. It is shown as it is now."));
		}
	}

	private Plan visible(long planId) {
		return this.plans.plan(planId).filter((p) -> this.plans.visible(p, this.access)).orElseThrow(() -> NotFound.because("There is no such plan"));
	}

	private Plan owned(long planId) {
		Plan plan = visible(planId);
		this.access.require(mayWrite(plan));
		return plan;
	}

	private AnnualReport map(java.sql.ResultSet rs, Plan plan) throws java.sql.SQLException {
		Status status = Coded.of(Status.class, rs.getString("status")).orElseThrow();
		AnnualReportContent content;
		Map<String, String> words;
		List<Story> stories;
		if (status == Status.PUBLISHED) {
			Published published = this.json.readValue(rs.getString("published_content"), Published.class);
			content = published.content();
			words = published.words();
			stories = published.stories();
		}
		else {
			stories = this.jdbc.sql("select * from annual_report_story where report_id = ? order by id").param(rs.getLong("id"))
				.query((x, n) -> new Story(x.getLong("id"), (Long) x.getObject("element_id"), x.getString("title"), x.getString("text"),
						x.getBytes("picture"), x.getString("picture_type"), x.getString("alt_text")))
				.list();
			content = this.json.readValue(rs.getString("content"), AnnualReportContent.class);
			words = new LinkedHashMap<>();
			this.jdbc.sql("select key, text from annual_report_words where report_id = ?").param(rs.getLong("id"))
				.query((java.sql.ResultSet w) -> {
					words.put(w.getString(1), w.getString(2));
				});
		}
		return new AnnualReport(rs.getLong("id"), plan, rs.getString("year"), status, content, words, rs.getObject("figures_at", OffsetDateTime.class),
				rs.getString("approved_by"), rs.getObject("approved_at", OffsetDateTime.class), rs.getString("published_by"),
				rs.getObject("published_at", OffsetDateTime.class), rs.getInt("version"), rs.getObject("comments_from", LocalDate.class),
				rs.getObject("comments_to", LocalDate.class), stories);
	}

}
