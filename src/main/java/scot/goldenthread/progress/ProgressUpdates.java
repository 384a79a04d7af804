package scot.goldenthread.progress;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.people.Access;
import scot.goldenthread.people.Scope;
import scot.goldenthread.plans.ActionHistory;
import scot.goldenthread.plans.ElementKind;
import scot.goldenthread.plans.ExpectedOutcome;
import scot.goldenthread.plans.Plan;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanElement;
import scot.goldenthread.plans.PlanTree;
import scot.goldenthread.shared.Coded;
import scot.goldenthread.shared.NotFound;
import scot.goldenthread.shared.Note;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The update cycle: reporting periods, and each lead's update of their actions from draft through
 * submission to an owner's approval or return. Every rule is checked here, so pages and the API keep
 * the same ones; an approved update is written once into the plan and is seen wherever its golden
 * thread leads.
 */
@Service
public class ProgressUpdates implements ActionHistory {

	/** What a lead may say of their own action; cancelled, deferred and on hold are the owner's to set. */
	static final Set<ExpectedOutcome> ASSESSMENTS = Set.of(ExpectedOutcome.ON_TRACK, ExpectedOutcome.WARNING,
			ExpectedOutcome.OVERDUE, ExpectedOutcome.NOT_STARTED, ExpectedOutcome.COMPLETED);

	private static final String COLUMNS = """
			select u.id, u.element_id, u.period_id, r.name, u.progress, u.assessment, u.note, u.milestones_done, u.state,
			       u.review_comment, u.written_by, u.written_at, u.submitted_at, u.reviewed_by, u.reviewed_at, u.version
			from progress_update u join reporting_period r on r.id = u.period_id""";

	private final JdbcClient jdbc;

	private final PlanCatalogue plans;

	private final Access access;

	private final AuditLog audit;

	ProgressUpdates(JdbcClient jdbc, PlanCatalogue plans, Access access, AuditLog audit) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.access = access;
		this.audit = audit;
	}

	/** An action, its plan, and where it lives. */
	public record Target(PlanTree tree, PlanElement element, Scope scope) {

		public Plan plan() {
			return this.tree.plan();
		}

	}

	public Target target(long elementId) {
		PlanTree tree = this.plans.treeOf(elementId).orElseThrow(() -> NotFound.because("There is no such action"));
		PlanElement element = tree.element(elementId).orElseThrow();
		if (element.kind() != ElementKind.ACTION) {
			throw NotFound.because("Only actions are updated; " + element.code() + " is a " + element.kind().label().toLowerCase());
		}
		return new Target(tree, element, this.plans.scopeOf(tree.plan()));
	}

	public boolean mayUpdate(Target target) {
		return this.access.mayUpdate(target.scope(), target.element().leads());
	}

	public boolean mayReview(Target target) {
		return this.access.mayOwn(target.scope());
	}

	// ---- reporting periods

	public List<ReportingPeriod> periods(long planId) {
		return this.jdbc.sql("select * from reporting_period where plan_id = ? order by opens_on, id").param(planId)
			.query(ReportingPeriod.class).list();
	}

	public ReportingPeriod period(long id) {
		return this.jdbc.sql("select * from reporting_period where id = ?").param(id).query(ReportingPeriod.class).optional()
			.orElseThrow(() -> NotFound.because("There is no such reporting period"));
	}

	@Transactional
	public ReportingPeriod createPeriod(Plan plan, String name, LocalDate opensOn, LocalDate deadline, LocalDate closesOn) {
		this.access.require(this.access.mayOwn(this.plans.scopeOf(plan)));
		if (periods(plan.id()).stream().anyMatch((p) -> p.name().equalsIgnoreCase(name))) {
			throw new UpdateRefused("name", "This plan already has a reporting period called " + name);
		}
		return recordPeriod(plan, name, opensOn, deadline, closesOn, null, null);
	}

	/** A period as it was, closed or not: for loading the history of a plan reported before it came here. */
	@Transactional
	public ReportingPeriod recordPeriod(Plan plan, String name, LocalDate opensOn, LocalDate deadline, LocalDate closesOn,
			OffsetDateTime closedAt, String closedBy) {
		long id = this.jdbc.sql("""
				insert into reporting_period (plan_id, name, opens_on, deadline, closes_on, closed_at, closed_by)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(plan.id(), name, opensOn, deadline, closesOn, closedAt, closedBy).query(Long.class).single();
		ReportingPeriod period = period(id);
		this.audit.created("reporting-period", id, "Set up the reporting period " + name + " of " + plan.code(), period);
		return period;
	}

	/** Closing locks the period: nothing in it can change from then. */
	@Transactional
	public void closePeriod(ReportingPeriod period) {
		Plan plan = this.plans.plan(period.planId()).orElseThrow();
		this.access.require(this.access.mayOwn(this.plans.scopeOf(plan)));
		this.jdbc.sql("update reporting_period set closed_at = now(), closed_by = ? where id = ? and closed_at is null")
			.params(this.audit.actor(), period.id()).update();
		this.audit.updated("reporting-period", period.id(), "Closed the reporting period " + period.name() + " of " + plan.code(),
				period, period(period.id()));
	}

	// ---- updates

	public Optional<ProgressUpdate> update(long elementId, long periodId) {
		return this.jdbc.sql(COLUMNS + " where u.element_id = ? and u.period_id = ?").params(elementId, periodId)
			.query(this::map).optional();
	}

	public ProgressUpdate update(long id) {
		return this.jdbc.sql(COLUMNS + " where u.id = ?").param(id).query(this::map).optional()
			.orElseThrow(() -> NotFound.because("There is no such update"));
	}

	/** Every update of an action, latest period first; the public sees the approved ones only. */
	public List<ProgressUpdate> history(long elementId, boolean unpublished) {
		return this.jdbc.sql(COLUMNS + " where u.element_id = ? and (? or u.state = 'approved') order by r.opens_on desc, r.id desc")
			.params(elementId, unpublished).query(this::map).list();
	}

	/**
	 * For each action of the plan that has one, the update a report as at {@code period} shows: approved
	 * in that period or, failing that, the latest approved before it.
	 */
	public Map<Long, ProgressUpdate> approvedAsAt(ReportingPeriod period) {
		return latestEach(" where r.plan_id = ? and u.state = 'approved' and (r.opens_on, r.id) <= (?, ?)",
				period.planId(), period.opensOn(), period.id());
	}

	/**
	 * For each action of the plan that has one, its latest update approved by the end of {@code date}: another
	 * plan's actions as at a period of this one, whose periods are not this plan's.
	 */
	public Map<Long, ProgressUpdate> approvedBy(long planId, LocalDate date) {
		return latestEach(" where r.plan_id = ? and u.state = 'approved' and u.reviewed_at < cast(? as date) + 1", planId, date);
	}

	/** Every action's update in the period, by action. */
	public Map<Long, ProgressUpdate> ofPeriod(long periodId) {
		return latestEach(" where u.period_id = ?", periodId);
	}

	/** For each action of the plan that has one, its latest update in whatever state: the working draft of a report. */
	public Map<Long, ProgressUpdate> working(long planId) {
		return latestEach(" where r.plan_id = ?", planId);
	}

	private Map<Long, ProgressUpdate> latestEach(String where, Object... params) {
		Map<Long, ProgressUpdate> latest = new LinkedHashMap<>();
		this.jdbc.sql(COLUMNS + where + " order by u.element_id, r.opens_on desc, r.id desc").params(params).query(this::map).list()
			.forEach((u) -> latest.putIfAbsent(u.elementId(), u));
		return latest;
	}

	@Override
	public List<Entry> timeline(long elementId, boolean unpublished) {
		return history(elementId, unpublished).stream()
			.map((u) -> new Entry(u.periodName(), u.progress(), u.assessment(), u.note(), u.state().label(),
					u.state() == UpdateState.APPROVED, u.writtenBy(), u.reviewedBy(), u.reviewedAt()))
			.toList();
	}

	/** What a form or API call sends, as typed, to be checked here. {@code version} is that of the update the writer saw. */
	public record Draft(String progress, String assessment, String note, List<Long> milestonesDone, Integer version) {
	}

	/** Saves the lead's update as a draft or, with {@code submit}, for approval. */
	@Transactional
	public ProgressUpdate save(long elementId, long periodId, Draft draft, boolean submit) {
		Target target = target(elementId);
		this.access.require(mayUpdate(target));
		ReportingPeriod period = openPeriodOf(target, periodId);
		Optional<ProgressUpdate> before = update(elementId, periodId);
		Cycle.requireEditable(before);
		Cycle.checkVersion(before, draft.version());
		Checked checked = check(target, draft);
		String state = (submit ? UpdateState.SUBMITTED : UpdateState.DRAFT).code();
		Long[] milestones = checked.milestonesDone().toArray(Long[]::new);
		int saved;
		if (before.isEmpty()) {
			saved = this.jdbc.sql("""
					insert into progress_update (element_id, period_id, progress, assessment, note, milestones_done, state, written_by,
					                             submitted_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, case when ? then now() end) on conflict do nothing""")
				.params(elementId, periodId, checked.progress(), Coded.codeOf(checked.assessment()), checked.note(), milestones, state,
						this.audit.actor(), submit)
				.update();
		}
		else {
			saved = this.jdbc.sql("""
					update progress_update set progress = ?, assessment = ?, note = ?, milestones_done = ?, state = ?, written_by = ?,
					       written_at = now(), submitted_at = case when ? then now() end, version = version + 1
					where id = ? and version = ?""")
				.params(checked.progress(), Coded.codeOf(checked.assessment()), checked.note(), milestones, state, this.audit.actor(), submit,
						before.get().id(), before.get().version())
				.update();
		}
		if (saved == 0) {
			// someone else saved between our read and our write
			Cycle.checkVersion(update(elementId, periodId), draft.version());
		}
		ProgressUpdate after = update(elementId, periodId).orElseThrow();
		this.audit.updated("progress-update", after.id(), (submit ? "Submitted" : "Saved a draft of") + " the " + period.name()
				+ " update of " + target.element().code(), before.orElse(null), after);
		return after;
	}

	@Transactional
	public ProgressUpdate approve(long updateId, int version) {
		return review(updateId, version, UpdateState.APPROVED, null);
	}

	@Transactional
	public ProgressUpdate returnForChanges(long updateId, int version, String comment) {
		return review(updateId, version, UpdateState.RETURNED, Cycle.reviewComment(comment));
	}

	private ProgressUpdate review(long updateId, int version, UpdateState decision, String comment) {
		ProgressUpdate before = update(updateId);
		Target target = target(before.elementId());
		this.access.require(mayReview(target));
		ReportingPeriod period = openPeriodOf(target, before.periodId());
		Cycle.requireSubmitted(before);
		Cycle.checkVersion(Optional.of(before), version);
		ProgressUpdate after = Cycle.review(this.jdbc, "progress_update", updateId, version, decision, comment, this.audit.actor(),
				() -> update(updateId));
		this.audit.updated("progress-update", updateId, ((decision == UpdateState.APPROVED) ? "Approved" : "Returned")
				+ " the " + period.name() + " update of " + target.element().code(), before, after);
		if (decision == UpdateState.APPROVED && isLatestApproved(after)) {
			this.plans.recordProgress(target.tree(), after.elementId(), after.progress(), after.assessment(), after.note(),
					after.milestonesDone());
		}
		return after;
	}

	/**
	 * Records an update approved before this system held the plan, such as those of a progress report
	 * already published; the plan keeps what it says if it is the latest.
	 */
	@Transactional
	public ProgressUpdate recordApproved(long elementId, ReportingPeriod period, int progress, ExpectedOutcome assessment,
			String note, String writtenBy, String approvedBy, OffsetDateTime approvedAt) {
		long id = this.jdbc.sql("""
				insert into progress_update (element_id, period_id, progress, assessment, note, state, written_by, written_at,
				                             submitted_at, reviewed_by, reviewed_at)
				values (?, ?, ?, ?, ?, 'approved', ?, ?, ?, ?, ?) returning id""")
			.params(elementId, period.id(), progress, Coded.codeOf(assessment), note, writtenBy, approvedAt, approvedAt, approvedBy, approvedAt)
			.query(Long.class).single();
		ProgressUpdate update = update(id);
		this.audit.created("progress-update", id, "Recorded the approved " + period.name() + " update of element " + elementId, update);
		return update;
	}

	private boolean isLatestApproved(ProgressUpdate update) {
		return history(update.elementId(), false).get(0).id() == update.id();
	}

	private ReportingPeriod openPeriodOf(Target target, long periodId) {
		ReportingPeriod period = period(periodId);
		if (period.planId() != target.plan().id()) {
			throw NotFound.because("That reporting period is not one of this plan's");
		}
		Cycle.requireOpen(period);
		return period;
	}

	private record Checked(int progress, ExpectedOutcome assessment, String note, List<Long> milestonesDone) {
	}

	private Checked check(Target target, Draft draft) {
		Map<String, String> errors = new LinkedHashMap<>();
		Integer progress = null;
		try {
			progress = Integer.valueOf((draft.progress() != null) ? draft.progress().strip().replace("%", "") : "");
			if (progress < 0 || progress > 100) {
				errors.put("progress", "Progress must be a whole number from 0 to 100");
			}
		}
		catch (NumberFormatException ex) {
			errors.put("progress", "Enter progress as a whole number from 0 to 100, for example 40");
		}
		ExpectedOutcome assessment = null;
		if (draft.assessment() != null && !draft.assessment().isBlank()) {
			assessment = ExpectedOutcome.of(draft.assessment()).filter(ASSESSMENTS::contains).orElse(null);
			if (assessment == null) {
				errors.put("assessment", "Choose on track, at risk, overdue, not started or completed");
			}
		}
		String note = Note.read("note", "note", draft.note(), Cycle.MAX_TEXT, "Enter the latest note: what has been done and what comes next", errors);
		List<Long> milestones = (draft.milestonesDone() != null) ? draft.milestonesDone() : List.of();
		Set<Long> own = target.element().children(ElementKind.MILESTONE).stream().map(PlanElement::id).collect(java.util.stream.Collectors.toSet());
		if (!own.containsAll(milestones)) {
			errors.put("milestonesDone", "Only this action's own milestones can be marked done");
		}
		if (!errors.isEmpty()) {
			throw new UpdateRefused(errors);
		}
		return new Checked(progress, assessment, note, List.copyOf(milestones));
	}

	private ProgressUpdate map(ResultSet rs, int row) throws SQLException {
		Array milestones = rs.getArray("milestones_done");
		return new ProgressUpdate(rs.getLong("id"), rs.getLong("element_id"), rs.getLong("period_id"), rs.getString("name"),
				rs.getInt("progress"), ExpectedOutcome.of(rs.getString("assessment")).orElse(null), rs.getString("note"),
				Arrays.asList((Long[]) milestones.getArray()), UpdateState.of(rs.getString("state")), rs.getString("review_comment"),
				rs.getString("written_by"), rs.getObject("written_at", OffsetDateTime.class),
				rs.getObject("submitted_at", OffsetDateTime.class), rs.getString("reviewed_by"),
				rs.getObject("reviewed_at", OffsetDateTime.class), rs.getInt("version"));
	}

}
