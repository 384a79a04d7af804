package scot.goldenthread.stocktake;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotBlank;

import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.partnerships.Partner;
import scot.goldenthread.partnerships.PartnershipDirectory;
import scot.goldenthread.plans.PlanElement;
import scot.goldenthread.plans.PlanTree;
import scot.goldenthread.shared.CodeOf;
import scot.goldenthread.shared.Coded;
import scot.goldenthread.shared.Commands;
import scot.goldenthread.shared.DateInput;
import scot.goldenthread.shared.PlainText;
import scot.goldenthread.shared.TextLimits;

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

	StockTakeRecords(JdbcClient jdbc, Commands commands, AuditLog audit, PartnershipDirectory partnerships) {
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
						Records.Participation.Method.of(rs.getString("method")).orElseThrow(), rs.getObject("held_from", java.time.LocalDate.class),
						rs.getObject("held_to", java.time.LocalDate.class), (Integer) rs.getObject("participants"), strings(rs, "communities"),
						strings(rs, "seldom_heard"), rs.getString("heard"), rs.getString("changed"), rs.getString("contact"), rs.getBoolean("public"),
						elements.getOrDefault(rs.getLong("id"), List.of()));
				return unpublished ? p : p.forThePublic();
			})
			.list();
	}

	public List<Records.Evidence> evidence(long planId, boolean unpublished) {
		Map<Long, List<Long>> elements = elements("evidence", planId);
		return this.jdbc.sql("select * from evidence where plan_id = ? and (public or ?) order by published_on desc nulls last, id")
			.params(planId, unpublished)
			.query((rs, n) -> new Records.Evidence(rs.getLong("id"), Records.Evidence.Kind.of(rs.getString("kind")).orElseThrow(),
					rs.getString("title"), rs.getObject("published_on", java.time.LocalDate.class), rs.getString("author"), rs.getString("link"),
					rs.getString("summary"), rs.getBoolean("public"), elements.getOrDefault(rs.getLong("id"), List.of())))
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

	@Transactional
	public long add(PlanTree plan, ParticipationForm form) {
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
		long id = this.jdbc.sql("""
				insert into participation (plan_id, kind, title, method, held_from, held_to, participants, communities, seldom_heard, heard,
				                           changed, contact, public)
				values (?, coalesce(?, 'engagement'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(plan.plan().id(), Commands.typed(form.kind()), form.title().strip(), form.method(), DateInput.date(form.heldFrom()),
					DateInput.date(form.heldTo()), participants, lines(form.communities()), lines(form.seldomHeard()), Commands.typed(form.heard()),
					Commands.typed(form.changed()), Commands.typed(form.contact()), published(form.audience()))
			.query(Long.class).single();
		link("participation", id, elements);
		this.audit.created("participation", id, "Recorded participation '" + form.title().strip() + "' for plan " + plan.plan().code(), form);
		return id;
	}

	/** An evidence record as its form sends it. */
	public record EvidenceForm(@NotBlank(message = "Choose what kind of evidence it is") @CodeOf(value = Records.Evidence.Kind.class, message = "Choose what kind of evidence it is") String kind,
			@NotBlank(message = "Enter the evidence's title") @PlainText(what = "title", max = TextLimits.TITLE) String title,
			@DateInput.Valid(what = "the day it was published") DateInput publishedOn, @PlainText(what = "author", max = TextLimits.TITLE) String author,
			@PlainText(what = "link", max = TextLimits.TITLE) String link, @PlainText(what = "summary", max = TextLimits.NOTE) String summary,
			String audience, List<Long> elements) {
	}

	@Transactional
	public long add(PlanTree plan, EvidenceForm form) {
		BindingResult errors = this.commands.check(form);
		String link = Commands.typed(form.link());
		if (link != null && !link.matches("https?://\\S+")) {
			Commands.reject(errors, "link", "Enter a web address starting https://, or leave it empty");
		}
		List<Long> elements = ownElements(plan, form.elements(), errors);
		Commands.refuseIfAny(errors);
		long id = this.jdbc.sql("""
				insert into evidence (plan_id, kind, title, published_on, author, link, summary, public)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(plan.plan().id(), form.kind(), form.title().strip(), DateInput.date(form.publishedOn()), Commands.typed(form.author()), link,
					Commands.typed(form.summary()), published(form.audience()))
			.query(Long.class).single();
		link("evidence", id, elements);
		this.audit.created("evidence", id, "Recorded evidence '" + form.title().strip() + "' for plan " + plan.plan().code(), form);
		return id;
	}

	/** A contribution as its form sends it: at least one of money (pounds), staff time (full-time equivalents) or in kind. */
	public record ContributionForm(Long element, @NotBlank(message = "Choose the partner") String partner,
			@NotBlank(message = "Enter the financial year, such as 2025/26") String financialYear, String money, String fte,
			@PlainText(what = "in kind", max = TextLimits.TITLE) String inKind,
			@NotBlank(message = "Say whether the resources are new or redirected") String source) {
	}

	@Transactional
	public long add(PlanTree plan, ContributionForm form) {
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
		long id = this.jdbc.sql("""
				insert into contribution (element_id, partner_id, financial_year, money, fte, in_kind, source)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(form.element(), partner.id(), year, money, fte, Commands.typed(form.inKind()), form.source().strip())
			.query(Long.class).single();
		this.audit.created("contribution", id, partner.name() + " contributes to " + plan.element(form.element()).orElseThrow().code()
				+ " of plan " + plan.plan().code() + " in " + year, form);
		return id;
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

	/** Removes one of the plan's participation or evidence records, or a contribution to one of its parts; false where it has none such. */
	@Transactional
	public boolean remove(PlanTree plan, String record, long id) {
		long planId = plan.plan().id();
		Object before = switch (record) {
			case "participation" -> participation(planId, true).stream().filter((p) -> p.id() == id).findFirst().orElse(null);
			case "evidence" -> evidence(planId, true).stream().filter((e) -> e.id() == id).findFirst().orElse(null);
			case "contribution" -> contributions(planId).stream().filter((c) -> c.id() == id).findFirst().orElse(null);
			default -> null;
		};
		if (before == null) {
			return false;
		}
		if (record.equals("contribution")) {
			this.jdbc.sql("delete from contribution where id = ?").param(id).update();
		}
		else {
			this.jdbc.sql("delete from record_element where record = ? and record_id = ?").params(record, id).update();
			this.jdbc.sql("delete from " + record + " where id = ? and plan_id = ?").params(id, planId).update();
		}
		this.audit.deleted(record, id, "Removed a " + record + " record from plan " + plan.plan().code(), before);
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
	}

	private static List<Long> ownElements(PlanTree plan, List<Long> chosen, BindingResult errors) {
		List<Long> elements = (chosen != null) ? chosen : List.of();
		if (!elements.stream().allMatch((id) -> plan.element(id).isPresent())) {
			Commands.reject(errors, "elements", "Choose among this plan's own parts");
		}
		return elements;
	}

	private void link(String record, long id, List<Long> elements) {
		for (long element : elements.stream().distinct().toList()) {
			this.jdbc.sql("insert into record_element (record, record_id, element_id) values (?, ?, ?)").params(record, id, element).update();
		}
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
