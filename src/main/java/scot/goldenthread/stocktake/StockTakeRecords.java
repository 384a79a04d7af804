package scot.goldenthread.stocktake;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotBlank;

import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.measures.MeasureDefinition;
import scot.goldenthread.partnerships.Partner;
import scot.goldenthread.partnerships.Partnership;
import scot.goldenthread.partnerships.PartnershipDirectory;
import scot.goldenthread.plans.PlanElement;
import scot.goldenthread.plans.PlanTree;
import scot.goldenthread.reports.CommitteeReport;
import scot.goldenthread.reports.CommitteeReports;
import scot.goldenthread.shared.CodeOf;
import scot.goldenthread.shared.Coded;
import scot.goldenthread.shared.Commands;
import scot.goldenthread.shared.DateInput;
import scot.goldenthread.shared.NotFound;
import scot.goldenthread.shared.PlainText;
import scot.goldenthread.shared.TextLimits;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BindingResult;

/**
 * The participation, evidence and contributions a plan stands on, and the partnership's own assessment against the six
 * statements: read, and added by the plan's owner with every problem told beside its field and every change audited.
 */
@Service
public class StockTakeRecords {

	private final JdbcClient jdbc;

	private final Commands commands;

	private final AuditLog audit;

	private final PartnershipDirectory partnerships;

	/** Asked for when an assessment names a paper: the papers read the plans, whose files carry these records. */
	private final ObjectProvider<CommitteeReports> papers;

	private final ApplicationEventPublisher events;

	StockTakeRecords(JdbcClient jdbc, Commands commands, AuditLog audit, PartnershipDirectory partnerships, ObjectProvider<CommitteeReports> papers,
			ApplicationEventPublisher events) {
		this.events = events;
		this.papers = papers;
		this.jdbc = jdbc;
		this.commands = commands;
		this.audit = audit;
		this.partnerships = partnerships;
	}

	/** The plan's participation records, newest first; without {@code unpublished}, those marked public and with no contact. */
	public List<Records.Participation> participation(long planId, boolean unpublished) {
		Map<Long, List<Long>> elements = elements("participation", planId);
		return this.jdbc.sql("""
				select * from participation where plan_id = ? and (public or ?) order by held_from desc nulls last, id""")
			.params(planId, unpublished)
			.query((rs, n) -> {
				Records.Participation p = new Records.Participation(rs.getLong("id"),
						Coded.of(Records.Participation.Kind.class, rs.getString("kind")).orElseThrow(), rs.getString("title"),
						Records.Participation.Method.of(rs.getString("method")).orElseThrow(), rs.getObject("held_from", LocalDate.class),
						rs.getObject("held_to", LocalDate.class), (Integer) rs.getObject("participants"), strings(rs, "communities"),
						strings(rs, "seldom_heard"), rs.getString("heard"), rs.getString("changed"), rs.getString("contact"), rs.getBoolean("public"),
						elements.getOrDefault(rs.getLong("id"), List.of()));
				return unpublished ? p : p.forThePublic();
			})
			.list();
	}

	public List<Records.Evidence> evidence(long planId, boolean unpublished) {
		Map<Long, List<Long>> elements = elements("evidence", planId);
		return this.jdbc.sql("""
				select e.*, f.name file_name,
				       array(select m.code from evidence_measure c join measure m on m.id = c.measure_id
				             where c.evidence_id = e.id and (m.public or ?) order by m.code) measures
				from evidence e left join record_file f on f.id = e.file_id
				where e.plan_id = ? and (e.public or ?) order by e.published_on desc nulls last, e.id""")
			.params(unpublished, planId, unpublished)
			.query((rs, n) -> new Records.Evidence(rs.getLong("id"), Records.Evidence.Kind.of(rs.getString("kind")).orElseThrow(),
					rs.getString("title"), rs.getObject("published_on", LocalDate.class), rs.getString("author"), rs.getString("link"),
					rs.getString("summary"), rs.getBoolean("public"), elements.getOrDefault(rs.getLong("id"), List.of()), strings(rs, "measures"),
					rs.getString("file_name")))
			.list();
	}

	/** The plan's equality impact assessments, of the plan and of its committee papers, newest first. */
	public List<Records.EqualityImpact> equalityImpacts(long planId, boolean unpublished) {
		return this.jdbc.sql("""
				select q.*, f.name file_name from equality_impact q left join record_file f on f.id = q.file_id
				where q.plan_id = ? and (q.public or ?) order by q.assessed_on desc nulls last, q.id""")
			.params(planId, unpublished)
			.query((rs, n) -> new Records.EqualityImpact(rs.getLong("id"), (Long) rs.getObject("committee_report_id"), rs.getString("title"),
					rs.getObject("assessed_on", LocalDate.class), Coded.of(Records.EqualityImpact.Outcome.class, rs.getString("outcome")).orElse(null),
					rs.getString("summary"), rs.getString("link"), rs.getString("file_name"), rs.getBoolean("public")))
			.list();
	}

	/** What the partnership's board agreed about how it plans, earliest first. */
	public List<Records.Agreement> agreements(String partnershipCode, boolean unpublished) {
		return this.jdbc.sql("""
				select a.*, p.code from agreement a join partnership p on p.id = a.partnership_id
				where p.code = ? and (a.public or ?) order by a.agreed_on nulls last, a.id""")
			.params(partnershipCode, unpublished)
			.query((rs, n) -> new Records.Agreement(rs.getLong("id"), rs.getString("code"), rs.getObject("agreed_on", LocalDate.class),
					rs.getString("agreed_by"), rs.getString("text"), (Integer) rs.getObject("statement"), rs.getBoolean("public")))
			.list();
	}

	/** The partners' contributions to the plan's elements, by year and partner. */
	public List<Records.Contribution> contributions(long planId) {
		return this.jdbc.sql("""
				select c.id, c.element_id, p.code, p.name, p.statutory, c.financial_year, c.money, c.fte, c.in_kind, c.source
				from contribution c join partner p on p.id = c.partner_id join plan_element e on e.id = c.element_id
				where e.plan_id = ? and e.withdrawn_in is null order by c.financial_year, p.name, c.id""")
			.param(planId)
			.query((rs, n) -> new Records.Contribution(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
					rs.getString(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getString(9), "redirected".equals(rs.getString(10))))
			.list();
	}

	private Map<Long, List<Long>> elements(String record, long planId) {
		Map<Long, List<Long>> elements = new HashMap<>();
		this.jdbc.sql("""
				select r.record_id, r.element_id from record_element r join plan_element e on e.id = r.element_id
				where r.record = ? and e.plan_id = ? and e.withdrawn_in is null order by e.position""")
			.params(record, planId)
			.query((rs) -> {
				elements.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(rs.getLong(2));
			});
		return elements;
	}

	private static List<String> strings(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		return (array == null) ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	/** A participation record as its form sends it; communities and seldom-heard groups one a line. */
	public record ParticipationForm(@CodeOf(value = Records.Participation.Kind.class, message = "Choose engagement or a participation request") String kind,
			@NotBlank(message = "Enter what the activity was") @PlainText(what = "title", max = TextLimits.TITLE) String title,
			@NotBlank(message = "Choose how people took part") @CodeOf(value = Records.Participation.Method.class, message = "Choose how people took part") String method,
			@DateInput.Valid(what = "the day it began") DateInput heldFrom, @DateInput.Valid(what = "the day it ended") DateInput heldTo,
			String participants, @PlainText(what = "communities", max = TextLimits.NOTE) String communities,
			@PlainText(what = "groups seldom heard", max = TextLimits.NOTE) String seldomHeard,
			@PlainText(what = "what was heard", max = TextLimits.NOTE) String heard,
			@PlainText(what = "what changed", max = TextLimits.NOTE) String changed,
			@PlainText(what = "contact", max = TextLimits.TITLE) String contact, String audience, List<Long> elements) {
	}

	/** The form filled in with the record as it stands, for changing it. */
	static ParticipationForm form(Records.Participation p) {
		return new ParticipationForm(p.kind().code(), p.title(), p.method().code(), date(p.heldFrom()), date(p.heldTo()),
				(p.participants() != null) ? p.participants().toString() : null, String.join("\n", p.communities()), String.join("\n", p.seldomHeard()),
				p.heard(), p.changed(), p.contact(), audience(p.published()), p.elements());
	}

	/** Adds a participation record ({@code id} null) or changes one of the plan's, every problem told beside its field. */
	@Transactional
	public long save(PlanTree plan, Long id, ParticipationForm form) {
		Records.Participation before = (id == null) ? null : one(participation(plan.plan().id(), true), id, Records.Participation::id);
		BindingResult errors = this.commands.check(form);
		Integer participants = null;
		if (Commands.typed(form.participants()) != null) {
			try {
				participants = Integer.valueOf(form.participants().strip().replace(",", ""));
				if (participants < 0) {
					Commands.reject(errors, "participants", "Enter how many took part as a whole number, such as 120, or leave it empty");
				}
			}
			catch (NumberFormatException ex) {
				Commands.reject(errors, "participants", "Enter how many took part as a whole number, such as 120, or leave it empty");
			}
		}
		if (!errors.hasFieldErrors("heldFrom") && !errors.hasFieldErrors("heldTo") && DateInput.date(form.heldFrom()) != null
				&& DateInput.date(form.heldTo()) != null && DateInput.date(form.heldTo()).isBefore(DateInput.date(form.heldFrom()))) {
			Commands.reject(errors, "heldTo", "The day it ended must be on or after the day it began");
		}
		List<Long> elements = ownElements(plan, form.elements(), errors);
		Commands.refuseIfAny(errors);
		Object[] values = { Commands.typed(form.kind()), form.title().strip(), form.method(), DateInput.date(form.heldFrom()),
				DateInput.date(form.heldTo()), participants, lines(form.communities()), lines(form.seldomHeard()), Commands.typed(form.heard()),
				Commands.typed(form.changed()), Commands.typed(form.contact()), published(form.audience()), plan.plan().id() };
		long saved = (before == null) ? this.jdbc.sql("""
				insert into participation (kind, title, method, held_from, held_to, participants, communities, seldom_heard, heard,
				                           changed, contact, public, plan_id)
				values (coalesce(?, 'engagement'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""").params(values).query(Long.class).single()
				: this.jdbc.sql("""
						update participation set kind = coalesce(?, 'engagement'), title = ?, method = ?, held_from = ?, held_to = ?, participants = ?,
						       communities = ?, seldom_heard = ?, heard = ?, changed = ?, contact = ?, public = ?
						where plan_id = ? and id = ? returning id""").params(values).param(id).query(Long.class).single();
		link("participation", saved, elements);
		audit("participation", saved, "participation '" + form.title().strip() + "'", plan, before,
				one(participation(plan.plan().id(), true), saved, Records.Participation::id));
		return saved;
	}

	/** An evidence record as its form sends it; {@code measures} are the codes of the plan's measures that cite it. */
	public record EvidenceForm(@NotBlank(message = "Choose what kind of evidence it is") @CodeOf(value = Records.Evidence.Kind.class, message = "Choose what kind of evidence it is") String kind,
			@NotBlank(message = "Enter the evidence's title") @PlainText(what = "title", max = TextLimits.TITLE) String title,
			@DateInput.Valid(what = "the day it was published") DateInput publishedOn, @PlainText(what = "author", max = TextLimits.TITLE) String author,
			@PlainText(what = "link", max = TextLimits.TITLE) String link, @PlainText(what = "summary", max = TextLimits.NOTE) String summary,
			String audience, List<Long> elements, List<String> measures, Boolean removeFile) {
	}

	static EvidenceForm form(Records.Evidence e) {
		return new EvidenceForm(e.kind().code(), e.title(), date(e.publishedOn()), e.author(), e.link(), e.summary(), audience(e.published()),
				e.elements(), e.measures(), false);
	}

	/** Adds evidence ({@code id} null) or changes the plan's, with the file uploaded, if one, in place of any it had. */
	@Transactional
	public long save(PlanTree plan, Long id, EvidenceForm form, Upload file) {
		Records.Evidence before = (id == null) ? null : one(evidence(plan.plan().id(), true), id, Records.Evidence::id);
		BindingResult errors = this.commands.check(form);
		String link = link(form.link(), errors);
		List<Long> elements = ownElements(plan, form.elements(), errors);
		Set<String> measures = new LinkedHashSet<>((form.measures() != null) ? form.measures() : List.of());
		Set<String> own = plan.elements().stream().flatMap((e) -> e.measures().stream()).map(MeasureDefinition::code).collect(Collectors.toSet());
		if (!own.containsAll(measures)) {
			Commands.reject(errors, "measures", "Choose among the measures this plan uses");
		}
		checkFile(file, errors);
		Commands.refuseIfAny(errors);
		Object[] values = { form.kind(), form.title().strip(), DateInput.date(form.publishedOn()), Commands.typed(form.author()), link,
				Commands.typed(form.summary()), published(form.audience()), plan.plan().id() };
		long saved = (before == null) ? this.jdbc.sql("""
				insert into evidence (kind, title, published_on, author, link, summary, public, plan_id)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""").params(values).query(Long.class).single()
				: this.jdbc.sql("""
						update evidence set kind = ?, title = ?, published_on = ?, author = ?, link = ?, summary = ?, public = ?
						where plan_id = ? and id = ? returning id""").params(values).param(id).query(Long.class).single();
		link("evidence", saved, elements);
		this.jdbc.sql("delete from evidence_measure where evidence_id = ?").param(saved).update();
		this.jdbc.sql("insert into evidence_measure (evidence_id, measure_id) select ?, id from measure where code = any(?)")
			.params(saved, measures.toArray(String[]::new)).update();
		attach("evidence", saved, file, Boolean.TRUE.equals(form.removeFile()));
		audit("evidence", saved, "evidence '" + form.title().strip() + "'", plan, before, one(evidence(plan.plan().id(), true), saved, Records.Evidence::id));
		return saved;
	}

	/** An equality impact assessment as its form sends it; {@code committeeReport} the id of the paper it is of, or empty for the plan. */
	public record EqualityImpactForm(String committeeReport,
			@NotBlank(message = "Enter what was assessed") @PlainText(what = "title", max = TextLimits.TITLE) String title,
			@DateInput.Valid(what = "the day it was assessed") DateInput assessedOn,
			@CodeOf(value = Records.EqualityImpact.Outcome.class, message = "Choose the outcome of the assessment") String outcome,
			@PlainText(what = "summary", max = TextLimits.NOTE) String summary, @PlainText(what = "link", max = TextLimits.TITLE) String link,
			String audience, Boolean removeFile) {
	}

	static EqualityImpactForm form(Records.EqualityImpact q) {
		return new EqualityImpactForm((q.committeeReportId() != null) ? q.committeeReportId().toString() : null, q.title(), date(q.assessedOn()),
				(q.outcome() != null) ? q.outcome().code() : null, q.summary(), q.link(), audience(q.published()), false);
	}

	@Transactional
	public long save(PlanTree plan, Long id, EqualityImpactForm form, Upload file) {
		Records.EqualityImpact before = (id == null) ? null : one(equalityImpacts(plan.plan().id(), true), id, Records.EqualityImpact::id);
		BindingResult errors = this.commands.check(form);
		String link = link(form.link(), errors);
		Long paper = null;
		if (Commands.typed(form.committeeReport()) != null) {
			paper = this.papers.getObject().of(plan.plan().id()).stream().map(CommitteeReport::id).filter((p) -> p.toString().equals(form.committeeReport().strip()))
				.findFirst().orElse(null);
			if (paper == null) {
				Commands.reject(errors, "committeeReport", "Choose one of the plan's committee papers, or the plan itself");
			}
		}
		checkFile(file, errors);
		Commands.refuseIfAny(errors);
		Object[] values = { paper, form.title().strip(), DateInput.date(form.assessedOn()), Commands.typed(form.outcome()),
				Commands.typed(form.summary()), link, published(form.audience()), plan.plan().id() };
		long saved = (before == null) ? this.jdbc.sql("""
				insert into equality_impact (committee_report_id, title, assessed_on, outcome, summary, link, public, plan_id)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""").params(values).query(Long.class).single()
				: this.jdbc.sql("""
						update equality_impact set committee_report_id = ?, title = ?, assessed_on = ?, outcome = ?, summary = ?, link = ?, public = ?
						where plan_id = ? and id = ? returning id""").params(values).param(id).query(Long.class).single();
		attach("equality_impact", saved, file, Boolean.TRUE.equals(form.removeFile()));
		audit("equality-impact", saved, "the equality impact assessment '" + form.title().strip() + "'", plan, before,
				one(equalityImpacts(plan.plan().id(), true), saved, Records.EqualityImpact::id));
		return saved;
	}

	/** A link typed, if one: a web address, or a problem beside the field. */
	private static String link(String typed, BindingResult errors) {
		String link = Commands.typed(typed);
		if (link != null && !link.matches("https?://\\S+")) {
			Commands.reject(errors, "link", "Enter a web address starting https://, or leave it empty");
		}
		return link;
	}

	/** A contribution as its form sends it: at least one of money (pounds), staff time (full-time equivalents) or in kind. */
	public record ContributionForm(Long element, @NotBlank(message = "Choose the partner") String partner,
			@NotBlank(message = "Enter the financial year, such as 2025/26") String financialYear, String money, String fte,
			@PlainText(what = "in kind", max = TextLimits.TITLE) String inKind,
			@NotBlank(message = "Say whether the resources are new or redirected") String source) {
	}

	static ContributionForm form(Records.Contribution c) {
		return new ContributionForm(c.elementId(), c.partnerCode(), c.financialYear(), plain(c.money()), plain(c.fte()), c.inKind(),
				(c.redirected() ? Records.Contribution.Source.REDIRECTED : Records.Contribution.Source.NEW).code());
	}

	@Transactional
	public long save(PlanTree plan, Long id, ContributionForm form) {
		Records.Contribution before = (id == null) ? null : one(contributions(plan.plan().id()), id, Records.Contribution::id);
		BindingResult errors = this.commands.check(form);
		if (form.element() == null || plan.element(form.element()).isEmpty()) {
			Commands.reject(errors, "element", "Choose the action or priority the contribution is to");
		}
		Partner partner = (Commands.typed(form.partner()) != null) ? this.partnerships.partner(form.partner().strip()).orElse(null) : null;
		if (partner == null && !errors.hasFieldErrors("partner")) {
			Commands.reject(errors, "partner", "Choose one of the partners listed");
		}
		String year = Commands.typed(form.financialYear());
		if (year != null && (!year.matches("\\d{4}/\\d{2}")
				|| Integer.parseInt(year.substring(5)) != (Integer.parseInt(year.substring(0, 4)) + 1) % 100)) {
			Commands.reject(errors, "financialYear", "Enter the financial year as the year it starts and the next, such as 2025/26");
		}
		BigDecimal money = amount(form.money(), "money", "Enter the money in pounds, such as 25000, or leave it empty", errors);
		BigDecimal fte = amount(form.fte(), "fte", "Enter the staff time in full-time equivalents, such as 1.5, or leave it empty", errors);
		if (money == null && fte == null && Commands.typed(form.inKind()) == null && !errors.hasFieldErrors("money") && !errors.hasFieldErrors("fte")) {
			Commands.reject(errors, "money", "Enter the money, the staff time or what is given in kind");
		}
		if (Commands.typed(form.source()) != null && Coded.of(Records.Contribution.Source.class, form.source().strip()).isEmpty()) {
			Commands.reject(errors, "source", "Say whether the resources are new or redirected");
		}
		Commands.refuseIfAny(errors);
		Object[] values = { form.element(), partner.id(), year, money, fte, Commands.typed(form.inKind()), form.source().strip() };
		long saved = (before == null) ? this.jdbc.sql("""
				insert into contribution (element_id, partner_id, financial_year, money, fte, in_kind, source)
				values (?, ?, ?, ?, ?, ?, ?) returning id""").params(values).query(Long.class).single()
				: this.jdbc.sql("""
						update contribution set element_id = ?, partner_id = ?, financial_year = ?, money = ?, fte = ?, in_kind = ?, source = ?
						where id = ? returning id""").params(values).param(id).query(Long.class).single();
		audit("contribution", saved, partner.name() + "'s contribution to " + plan.element(form.element()).orElseThrow().code() + " in " + year, plan,
				before, one(contributions(plan.plan().id()), saved, Records.Contribution::id));
		return saved;
	}

	/** An amount as a plan file writes it: 25000, 1.5. */
	static String plain(BigDecimal amount) {
		return (amount != null) ? amount.stripTrailingZeros().toPlainString() : null;
	}

	private static BigDecimal amount(String typed, String field, String message, BindingResult errors) {
		String text = Commands.typed(typed);
		if (text == null) {
			return null;
		}
		try {
			BigDecimal amount = new BigDecimal(text.replace(",", "").replace("£", "").strip());
			if (amount.signum() < 0 || amount.compareTo(new BigDecimal("1000000000")) >= 0) {
				Commands.reject(errors, field, message);
				return null;
			}
			return amount;
		}
		catch (NumberFormatException ex) {
			Commands.reject(errors, field, message);
			return null;
		}
	}

	/** Removes one of the plan's records, or a contribution to one of its parts, with any file it carries; false where it has none such. */
	@Transactional
	public boolean remove(PlanTree plan, String record, long id) {
		long planId = plan.plan().id();
		Object before = switch (record) {
			case "participation" -> find(participation(planId, true), id, Records.Participation::id);
			case "evidence" -> find(evidence(planId, true), id, Records.Evidence::id);
			case "contribution" -> find(contributions(planId), id, Records.Contribution::id);
			case "equality-impact" -> find(equalityImpacts(planId, true), id, Records.EqualityImpact::id);
			default -> null;
		};
		if (before == null) {
			return false;
		}
		switch (record) {
			case "contribution" -> this.jdbc.sql("delete from contribution where id = ?").param(id).update();
			case "equality-impact" -> {
				attach("equality_impact", id, null, true);
				this.jdbc.sql("delete from equality_impact where id = ?").param(id).update();
			}
			default -> {
				if (record.equals("evidence")) {
					attach("evidence", id, null, true);
				}
				this.jdbc.sql("delete from record_element where record = ? and record_id = ?").params(record, id).update();
				this.jdbc.sql("delete from " + record + " where id = ? and plan_id = ?").params(id, planId).update();
			}
		}
		this.audit.deleted(record, id, "Removed a " + record.replace('-', ' ') + " record from plan " + plan.plan().code(), before);
		this.events.publishEvent(new StockTakeStandings.Changed(planId, null));
		return true;
	}

	/** A file as uploaded: its name and bytes. */
	public record Upload(String name, byte[] bytes) {

		boolean given() {
			return this.bytes.length > 0 || (this.name != null && !this.name.isBlank());
		}

	}

	/** A record's file, to download. */
	public record StoredFile(String name, String contentType, byte[] bytes) {
	}

	/** 20 MB: a long needs assessment as a PDF, with room to spare. */
	static final int MAX_FILE = 20 * 1024 * 1024;

	/** The kinds of file a record may carry, by the end of their names, with the type each is sent back as. */
	private static final Map<String, String> FILE_TYPES = Map.of("pdf", "application/pdf",
			"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "doc", "application/msword",
			"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "odt", "application/vnd.oasis.opendocument.text",
			"ods", "application/vnd.oasis.opendocument.spreadsheet", "csv", "text/csv", "pptx",
			"application/vnd.openxmlformats-officedocument.presentationml.presentation", "png", "image/png", "jpg", "image/jpeg");

	private static void checkFile(Upload file, BindingResult errors) {
		if (file == null || !file.given()) {
			return;
		}
		String name = (file.name() != null) ? file.name().strip() : "";
		if (!FILE_TYPES.containsKey(extension(name))) {
			Commands.reject(errors, "file", "Upload a PDF, Word, Excel, OpenDocument, PowerPoint, CSV, PNG or JPG file");
		}
		else if (file.bytes().length == 0) {
			Commands.reject(errors, "file", "The file " + name + " is empty");
		}
		else if (file.bytes().length > MAX_FILE) {
			Commands.reject(errors, "file", "The file must be smaller than 20 MB");
		}
	}

	private static String extension(String name) {
		String end = name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
		return end.equals("jpeg") ? "jpg" : end;
	}

	/** Puts the file uploaded, if one, in place of the record's, or takes its file away where asked; the file replaced goes. */
	private void attach(String table, long id, Upload file, boolean remove) {
		boolean replacing = file != null && file.given();
		if (!replacing && !remove) {
			return;
		}
		Long old = this.jdbc.sql("select file_id from " + table + " where id = ?").param(id).query(Long.class).optional().orElse(null);
		Long stored = null;
		if (replacing) {
			String name = file.name().strip().replaceAll(".*[/\\\\]", "");
			stored = this.jdbc.sql("insert into record_file (name, content_type, bytes, uploaded_by) values (?, ?, ?, ?) returning id")
				.params(name, FILE_TYPES.get(extension(name)), file.bytes(), this.audit.actor()).query(Long.class).single();
		}
		this.jdbc.sql("update " + table + " set file_id = ? where id = ?").params(stored, id).update();
		if (old != null) {
			this.jdbc.sql("delete from record_file where id = ?").param(old).update();
		}
	}

	/** The file of one of the plan's evidence or equality impact records, if it has one and the person asking may see the record. */
	public java.util.Optional<StoredFile> file(long planId, String record, long id, boolean unpublished) {
		String table = switch (record) {
			case "evidence" -> "evidence";
			case "equality-impact" -> "equality_impact";
			default -> null;
		};
		if (table == null) {
			return java.util.Optional.empty();
		}
		return this.jdbc.sql("select f.name, f.content_type, f.bytes from " + table + " r join record_file f on f.id = r.file_id "
				+ "where r.id = ? and r.plan_id = ? and (r.public or ?)")
			.params(id, planId, unpublished)
			.query((rs, n) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

	/** An agreement as its form sends it; {@code statement} the number of the statement it answers, if one. */
	public record AgreementForm(@DateInput.Valid(what = "the day it was agreed") DateInput agreedOn,
			@PlainText(what = "who agreed it", max = TextLimits.TITLE) String agreedBy,
			@NotBlank(message = "Enter what was agreed") @PlainText(what = "what was agreed", max = TextLimits.NOTE) String text, String statement,
			String audience) {
	}

	@Transactional
	public long add(Partnership partnership, AgreementForm form) {
		BindingResult errors = this.commands.check(form);
		String statement = Commands.typed(form.statement());
		if (statement != null && !statement.matches("[1-6]")) {
			Commands.reject(errors, "statement", "Choose one of the six statements, or none");
		}
		Commands.refuseIfAny(errors);
		long id = this.jdbc.sql("""
				insert into agreement (partnership_id, agreed_on, agreed_by, text, statement, public) values (?, ?, ?, ?, ?, ?) returning id""")
			.params(partnership.id(), DateInput.date(form.agreedOn()), Commands.typed(form.agreedBy()), form.text().strip(),
					(statement != null) ? Integer.valueOf(statement) : null, published(form.audience()))
			.query(Long.class).single();
		this.audit.created("agreement", id, "Recorded an agreement of " + partnership.name(), form);
		this.events.publishEvent(new StockTakeStandings.Changed(null, partnership.code()));
		return id;
	}

	@Transactional
	public boolean remove(Partnership partnership, long id) {
		Records.Agreement before = find(agreements(partnership.code(), true), id, Records.Agreement::id);
		if (before == null) {
			return false;
		}
		this.jdbc.sql("delete from agreement where id = ?").param(id).update();
		this.audit.deleted("agreement", id, "Removed an agreement of " + partnership.name(), before);
		this.events.publishEvent(new StockTakeStandings.Changed(null, partnership.code()));
		return true;
	}

	/** The partnership's own view against a statement, and the improvement actions it has set itself. */
	public record SelfAssessment(String selfAssessment, String improvementActions) {
	}

	public Map<Integer, SelfAssessment> selfAssessments(long planId) {
		Map<Integer, SelfAssessment> assessments = new HashMap<>();
		this.jdbc.sql("select statement, self_assessment, improvement_actions from statement_assessment where plan_id = ?").param(planId)
			.query((rs) -> {
				assessments.put(rs.getInt(1), new SelfAssessment(rs.getString(2), rs.getString(3)));
			});
		return assessments;
	}

	/** A self-assessment as its form sends it. */
	public record SelfAssessmentForm(@PlainText(what = "the self-assessment", max = TextLimits.NOTE) String selfAssessment,
			@PlainText(what = "the improvement actions", max = TextLimits.NOTE) String improvementActions) {
	}

	@Transactional
	public void assess(PlanTree plan, int statement, SelfAssessmentForm form) {
		Commands.refuseIfAny(this.commands.check(form));
		SelfAssessment before = selfAssessments(plan.plan().id()).get(statement);
		SelfAssessment after = new SelfAssessment(Commands.typed(form.selfAssessment()), Commands.typed(form.improvementActions()));
		this.jdbc.sql("""
				insert into statement_assessment (plan_id, statement, self_assessment, improvement_actions) values (?, ?, ?, ?)
				on conflict (plan_id, statement) do update set self_assessment = excluded.self_assessment,
				                                               improvement_actions = excluded.improvement_actions""")
			.params(plan.plan().id(), statement, after.selfAssessment(), after.improvementActions())
			.update();
		this.audit.updated("statement-assessment", plan.plan().id() + "/" + statement,
				"Assessed plan " + plan.plan().code() + " against statement " + statement, before, after);
		this.events.publishEvent(new StockTakeStandings.Changed(plan.plan().id(), null));
	}

	private static List<Long> ownElements(PlanTree plan, List<Long> chosen, BindingResult errors) {
		List<Long> elements = (chosen != null) ? chosen : List.of();
		if (!elements.stream().allMatch((id) -> plan.element(id).isPresent())) {
			Commands.reject(errors, "elements", "Choose among this plan's own parts");
		}
		return elements;
	}

	private void link(String record, long id, List<Long> elements) {
		this.jdbc.sql("delete from record_element where record = ? and record_id = ?").params(record, id).update();
		for (long element : elements.stream().distinct().toList()) {
			this.jdbc.sql("insert into record_element (record, record_id, element_id) values (?, ?, ?)").params(record, id, element).update();
		}
	}

	/** One of the plan's records, or not found: another plan's record is not this plan's to change. */
	static <R> R one(List<R> records, long id, java.util.function.ToLongFunction<R> idOf) {
		R record = find(records, id, idOf);
		if (record == null) {
			throw NotFound.because("This plan has no such record");
		}
		return record;
	}

	private static <R> R find(List<R> records, long id, java.util.function.ToLongFunction<R> idOf) {
		return records.stream().filter((r) -> idOf.applyAsLong(r) == id).findFirst().orElse(null);
	}

	/** Audits a record added ({@code before} null) or changed, with what it was and what it is. */
	private void audit(String type, long id, String what, PlanTree plan, Object before, Object after) {
		this.events.publishEvent(new StockTakeStandings.Changed(plan.plan().id(), null));
		if (before == null) {
			this.audit.created(type, id, "Recorded " + what + " for plan " + plan.plan().code(), after);
		}
		else {
			this.audit.updated(type, id, "Changed " + what + " of plan " + plan.plan().code(), before, after);
		}
	}

	private static DateInput date(LocalDate date) {
		return (date != null) ? DateInput.of(date) : null;
	}

	/** Who sees a record, as a form and the plan file say it. */
	static String audience(boolean published) {
		return published ? "public" : "partnership";
	}

	/** Published with the plan, unless the form keeps it to the partnership. */
	private static boolean published(String audience) {
		return !"partnership".equals(audience);
	}

	private static String[] lines(String text) {
		return (text == null) ? new String[0] : text.lines().map(String::strip).filter((l) -> !l.isEmpty()).toArray(String[]::new);
	}

	/** The elements of the tree a record can inform: all but the milestones, in the plan's order. */
	static List<PlanElement> informable(PlanTree tree) {
		return tree.elements().stream().filter((e) -> e.kind() != scot.goldenthread.plans.ElementKind.MILESTONE).collect(Collectors.toList());
	}

}
