package scot.goldenthread.reports;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.partnerships.PartnershipReports;
import scot.goldenthread.people.Access;
import scot.goldenthread.plans.Plan;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.shared.Commands;
import scot.goldenthread.shared.DateInput;
import scot.goldenthread.shared.NotFound;
import scot.goldenthread.shared.Note;
import scot.goldenthread.shared.Refused;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BindingResult;

/** Committee cover papers: plan owners write and edit them; anyone who may see the plan reads them. */
@Service
public class CommitteeReports implements PartnershipReports {

	static final int MAX_SECTION = 10_000;

	/** A paper with its sections as pairs of key and text, in one query. */
	private static final String COLUMNS = """
			select c.*, array(select array[s.section, s.text] from committee_report_section s where s.report_id = c.id) sections
			from committee_report c""";

	private final JdbcClient jdbc;

	private final PlanCatalogue plans;

	private final ProgressReports progress;

	private final Access access;

	private final AuditLog audit;

	private final Commands commands;

	private final List<EqualityDeclarations> declarations;

	CommitteeReports(JdbcClient jdbc, PlanCatalogue plans, ProgressReports progress, Access access, AuditLog audit, Commands commands,
			List<EqualityDeclarations> declarations) {
		this.declarations = declarations;
		this.commands = commands;
		this.jdbc = jdbc;
		this.plans = plans;
		this.progress = progress;
		this.access = access;
		this.audit = audit;
	}

	/** What the form or a loader sends, stripped; {@code version} is that of the paper the writer opened. */
	public record Draft(
			@NotBlank(message = "Enter the council or partnership the paper is from") @Size(max = 300, message = LINE) @Pattern(regexp = ONE_LINE, message = LINE) String organisation,
			@NotBlank(message = "Enter the committee the paper goes to") @Size(max = 300, message = LINE) @Pattern(regexp = ONE_LINE, message = LINE) String reportTo,
			@DateInput.Valid(what = "the date of the meeting", required = true) DateInput meetingDate,
			@NotBlank(message = "Enter the subject of the paper") @Size(max = 300, message = LINE) @Pattern(regexp = ONE_LINE, message = LINE) String subject,
			@NotBlank(message = "Enter who the paper is by") @Size(max = 300, message = LINE) @Pattern(regexp = ONE_LINE, message = LINE) String reportBy,
			String period, Map<CommitteeReport.Section, String> sections, Integer version) {

		static final String LINE = "Keep it to one line of up to 300 characters";

		static final String ONE_LINE = "[^\\n\\r]*";

		public Draft {
			organisation = stripped(organisation);
			reportTo = stripped(reportTo);
			subject = stripped(subject);
			reportBy = stripped(reportBy);
			period = stripped(period);
		}

		private static String stripped(String text) {
			return (text != null) ? text.strip() : "";
		}

	}

	public List<CommitteeReport> of(long planId) {
		requireVisible(planId);
		Map<Long, String> declared = declarations(planId);
		return this.jdbc.sql(COLUMNS + " where plan_id = ? order by meeting_date desc, id desc").param(planId)
			.query((rs, n) -> map(rs).withEqualityImpact(declared.get(rs.getLong("id")))).list();
	}

	private Map<Long, String> declarations(long planId) {
		Map<Long, String> declared = new HashMap<>();
		this.declarations.forEach((d) -> declared.putAll(d.of(planId)));
		return declared;
	}

	/** In one query, whatever the plans. */
	@Override
	public Map<Long, ReportLink> latestOf(Collection<Long> planIds) {
		Map<Long, ReportLink> latest = new HashMap<>();
		this.jdbc.sql("""
				select distinct on (plan_id) plan_id, id, subject, report_to, meeting_date from committee_report where plan_id = any(?)
				order by plan_id, meeting_date desc, id desc""")
			.param(planIds.toArray(Long[]::new))
			.query((ResultSet rs) -> {
				latest.put(rs.getLong(1), new ReportLink(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate()));
			});
		return latest;
	}

	public CommitteeReport get(long id) {
		CommitteeReport report = this.jdbc.sql(COLUMNS + " where id = ?").param(id).query((rs, n) -> map(rs))
			.optional().orElseThrow(() -> NotFound.because("There is no such committee report"));
		requireVisible(report.planId());
		return report.withEqualityImpact(declarations(report.planId()).get(id));
	}

	/** A paper is seen by whoever may see its plan: a draft plan's papers are as hidden as the plan. */
	private void requireVisible(long planId) {
		this.plans.plan(planId).filter((plan) -> this.plans.visible(plan, this.access))
			.orElseThrow(() -> NotFound.because("There is no such plan"));
	}

	/** Refuses, as the server must, whoever may not write the plan's papers. */
	void requireWriter(long planId) {
		this.access.require(mayWrite(planId));
	}

	public boolean mayWrite(long planId) {
		return this.plans.plan(planId).map((plan) -> this.access.mayOwn(this.plans.scopeOf(plan))).orElse(false);
	}

	/** The paper's appendix: the plan's progress report, approved updates only, as at the paper's period. */
	public ProgressReport appendix(CommitteeReport report) {
		return this.progress.build(report.planId(), new ProgressReports.Selection(null, null, null, null, null, null,
				(report.periodId() != null) ? report.periodId().toString() : null, false, false));
	}

	@Transactional
	public CommitteeReport create(long planId, Draft draft) {
		this.access.require(mayWrite(planId));
		return record(planId, draft, this.audit.actor());
	}

	/** A paper as written, by whoever wrote it: for loading those written before this system held the plan. */
	@Transactional
	public CommitteeReport record(long planId, Draft draft, String writtenBy) {
		Plan plan = this.plans.plan(planId).orElseThrow(() -> NotFound.because("There is no such plan"));
		Checked checked = check(planId, draft);
		long id = this.jdbc.sql("""
				insert into committee_report (plan_id, organisation, report_to, meeting_date, subject, report_by, period_id, written_by)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(planId, checked.organisation(), checked.reportTo(), checked.meetingDate(), checked.subject(), checked.reportBy(),
					checked.periodId(), writtenBy)
			.query(Long.class).single();
		writeSections(id, checked.sections());
		CommitteeReport created = get(id);
		this.audit.created("committee-report", id, "Wrote the committee report " + created.subject() + " for " + plan.code(), created);
		return created;
	}

	@Transactional
	public CommitteeReport update(long id, Draft draft) {
		CommitteeReport before = get(id);
		this.access.require(mayWrite(before.planId()));
		Checked checked = check(before.planId(), draft);
		int saved = this.jdbc.sql("""
				update committee_report set organisation = ?, report_to = ?, meeting_date = ?, subject = ?, report_by = ?, period_id = ?,
				       written_by = ?, written_at = now(), version = version + 1
				where id = ? and version = ?""")
			.params(checked.organisation(), checked.reportTo(), checked.meetingDate(), checked.subject(), checked.reportBy(),
					checked.periodId(), this.audit.actor(), id, (draft.version() != null) ? draft.version() : -1)
			.update();
		if (saved == 0) {
			throw new Refused(Map.of("", before.writtenBy() + " changed this report after you opened it, so your changes were not saved. "
					+ "Their version is shown; make your changes again on top of it."));
		}
		this.jdbc.sql("delete from committee_report_section where report_id = ?").param(id).update();
		writeSections(id, checked.sections());
		CommitteeReport after = get(id);
		this.audit.updated("committee-report", id, "Edited the committee report " + after.subject(), before, after);
		return after;
	}

	private void writeSections(long id, Map<CommitteeReport.Section, String> sections) {
		sections.forEach((section, text) -> {
			if (!text.isEmpty()) {
				this.jdbc.sql("insert into committee_report_section (report_id, section, text) values (?, ?, ?)")
					.params(id, section.code(), text).update();
			}
		});
	}

	private record Checked(String organisation, String reportTo, LocalDate meetingDate, String subject, String reportBy, Long periodId,
			Map<CommitteeReport.Section, String> sections) {
	}

	private Checked check(long planId, Draft draft) {
		BindingResult errors = this.commands.check(draft);
		Long periodId = null;
		if (!draft.period().isEmpty()) {
			periodId = this.progress.periods(planId).stream().filter((p) -> String.valueOf(p.id()).equals(draft.period()))
				.map((p) -> p.id()).findFirst().orElse(null);
			if (periodId == null) {
				Commands.reject(errors, "period", "Choose one of the plan's reporting periods");
			}
		}
		Map<CommitteeReport.Section, String> sections = new EnumMap<>(CommitteeReport.Section.class);
		for (CommitteeReport.Section section : CommitteeReport.Section.values()) {
			String text = (draft.sections() != null && draft.sections().get(section) != null) ? draft.sections().get(section).strip() : "";
			String problem = (section == CommitteeReport.Section.PURPOSE && text.isEmpty()) ? "Say what the paper is for"
					: Note.problem(section.heading().toLowerCase(), text, MAX_SECTION);
			if (problem != null) {
				Commands.reject(errors, section.code(), problem);
			}
			sections.put(section, text);
		}
		Commands.refuseIfAny(errors);
		return new Checked(draft.organisation(), draft.reportTo(), DateInput.date(draft.meetingDate()), draft.subject(), draft.reportBy(),
				periodId, sections);
	}

	private static CommitteeReport map(java.sql.ResultSet rs) throws java.sql.SQLException {
		long id = rs.getLong("id");
		Map<CommitteeReport.Section, String> sections = new EnumMap<>(CommitteeReport.Section.class);
		for (String[] section : (String[][]) rs.getArray("sections").getArray()) {
			sections.put(scot.goldenthread.shared.Coded.of(CommitteeReport.Section.class, section[0]).orElseThrow(), section[1]);
		}
		return new CommitteeReport(id, rs.getLong("plan_id"), rs.getString("organisation"), rs.getString("report_to"),
				rs.getObject("meeting_date", LocalDate.class), rs.getString("subject"), rs.getString("report_by"), sections,
				(Long) rs.getObject("period_id"), rs.getString("written_by"), rs.getObject("written_at", OffsetDateTime.class),
				rs.getInt("version"), null);
	}

}
