package scot.goldenthread.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.people.Access;
import scot.goldenthread.people.Scope;
import scot.goldenthread.plans.ActionHistory;
import scot.goldenthread.plans.ElementKind;
import scot.goldenthread.plans.ImprovementProject;
import scot.goldenthread.plans.Assessment;
import scot.goldenthread.plans.Plan;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanElement;
import scot.goldenthread.plans.PlanTree;
import scot.goldenthread.plans.ProgressApproved;
import scot.goldenthread.plans.ReportingPositions;
import scot.goldenthread.shared.NotFound;
import scot.goldenthread.shared.CodeOf;
import scot.goldenthread.shared.Commands;
import scot.goldenthread.shared.PlainText;
import scot.goldenthread.shared.WholeNumber;

import jakarta.validation.constraints.NotBlank;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BindingResult;

/**
 * The update cycle: reporting periods, and each lead's update of their actions from draft through
 * submission to an owner's approval or return. Every rule is checked here, so pages and the API keep
 * the same ones; an approved update is written once into the plan and is seen wherever its golden
 * thread leads.
 */
@Service
public class ProgressUpdates extends UpdateCycle<ProgressUpdates.Target, ProgressUpdate, ProgressUpdates.Draft, UpdateRepository.ActionProgress>
		implements ActionHistory, ReportingPositions {

	private final JdbcClient jdbc;

	private final PlanCatalogue plans;

	private final ApplicationEventPublisher events;

	ProgressUpdates(UpdateRepository repository, JdbcClient jdbc, PlanCatalogue plans, ApplicationEventPublisher events, Access access,
			AuditLog audit, Commands commands, Clock clock) {
		super(repository, access, audit, commands, clock);
		this.jdbc = jdbc;
		this.plans = plans;
		this.events = events;
	}

	/** An action, its plan, and where it lives. */
	public record Target(PlanTree tree, PlanElement element, Scope scope) implements UpdateCycle.Subject {

		public Plan plan() {
			return this.tree.plan();
		}

		@Override
		public List<String> leads() {
			return this.element.leads();
		}

		@Override
		public String describe(ReportingPeriod period) {
			return period.name() + " update of " + this.element.code();
		}

	}

	public Target target(long elementId) {
		PlanTree tree = this.plans.treeOf(elementId).orElseThrow(() -> NotFound.because("There is no such action"));
		PlanElement element = tree.element(elementId).orElseThrow();
		if (element.kind() != ElementKind.ACTION) {
			throw NotFound.because("Only actions are updated; " + element.code() + " is a " + element.level().label().toLowerCase());
		}
		return new Target(tree, element, this.plans.scopeOf(tree.plan()));
	}

	// ---- reporting periods

	public List<ReportingPeriod> periods(long planId) {
		return this.jdbc.sql("select * from reporting_period where plan_id = ? order by opens_on, id").param(planId)
			.query(ReportingPeriod.class).list();
	}

	/** Of the actions' updates due by a deadline now past, how many there are and how many were submitted by it. */
	public record Timeliness(int due, int onTime) {
	}

	public Timeliness timeliness(long planId, LocalDate today) {
		return this.jdbc.sql("""
				select count(*), count(*) filter (where u.submitted_at::date <= r.deadline) from period_update u
				join reporting_period r on r.id = u.period_id where r.plan_id = ? and u.element_id is not null and r.deadline < ?""")
			.params(planId, today)
			.query((rs, n) -> new Timeliness(rs.getInt(1), rs.getInt(2)))
			.single();
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
		this.jdbc.sql("update reporting_period set closed_at = ?, closed_by = ? where id = ? and closed_at is null")
			.params(now(), this.audit.actor(), period.id()).update();
		this.audit.updated("reporting-period", period.id(), "Closed the reporting period " + period.name() + " of " + plan.code(),
				period, period(period.id()));
	}

	// ---- updates

	public Optional<ProgressUpdate> update(long elementId, long periodId) {
		return this.repository.actions("u.element_id = ? and u.period_id = ?", elementId, periodId).stream().findFirst();
	}

	public ProgressUpdate update(long id) {
		return this.repository.actions("u.id = ?", id).stream().findFirst().orElseThrow(() -> NotFound.because("There is no such update"));
	}

	/** Every update of an action, latest period first; the public sees the approved ones only. */
	public List<ProgressUpdate> history(long elementId, boolean unpublished) {
		return this.repository.actions("u.element_id = ? and (? or u.state = 'approved') order by r.opens_on desc, r.id desc",
				elementId, unpublished);
	}

	/**
	 * For each action of the plan that has one, the update a report as at {@code period} shows: approved
	 * in that period or, failing that, the latest approved before it.
	 */
	public Map<Long, ProgressUpdate> approvedAsAt(ReportingPeriod period) {
		return latestEach("r.plan_id = ? and u.state = 'approved' and (r.opens_on, r.id) <= (?, ?)", period.planId(), period.opensOn(),
				period.id());
	}

	/**
	 * For each action of the plans that has one, its latest update approved by the end of {@code date}: other
	 * plans' actions as at a period of one, whose periods are not theirs.
	 */
	public Map<Long, ProgressUpdate> approvedBy(Collection<Long> planIds, LocalDate date) {
		return latestEach("r.plan_id = any(?) and u.state = 'approved' and u.reviewed_at < cast(? as date) + 1", planIds.toArray(Long[]::new),
				date);
	}

	@Override
	public Map<Long, ReportingPositions.Period> latest(Collection<Long> planIds, LocalDate today) {
		Map<Long, ReportingPositions.Period> latest = new HashMap<>();
		this.jdbc.sql("""
				select distinct on (r.plan_id) r.plan_id, r.id, r.name, r.deadline from reporting_period r
				where r.plan_id = any(?) and (r.closed_at is not null or r.closes_on < ?
				      or exists (select 1 from period_update u where u.period_id = r.id and u.state = 'approved' and u.element_id is not null))
				order by r.plan_id, r.opens_on desc, r.id desc""")
			.params(planIds.toArray(Long[]::new), today)
			.query((rs) -> {
				latest.put(rs.getLong(1), new ReportingPositions.Period(rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate()));
			});
		return latest;
	}

	@Override
	public Map<Long, ReportingPositions.Period> lastApproved(Collection<Long> planIds) {
		Map<Long, ReportingPositions.Period> last = new HashMap<>();
		this.jdbc.sql("""
				select distinct on (u.element_id) u.element_id, r.id, r.name, r.deadline
				from period_update u join reporting_period r on r.id = u.period_id
				where r.plan_id = any(?) and u.state = 'approved' and u.element_id is not null
				order by u.element_id, r.opens_on desc, r.id desc""")
			.param(planIds.toArray(Long[]::new))
			.query((rs) -> {
				last.put(rs.getLong(1), new ReportingPositions.Period(rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate()));
			});
		return last;
	}

	/** Every action's update in the period, by action. */
	public Map<Long, ProgressUpdate> ofPeriod(long periodId) {
		return latestEach("u.period_id = ?", periodId);
	}

	/** For each action of the plans that has one, its latest update in whatever state: the working draft of a report. */
	public Map<Long, ProgressUpdate> working(Collection<Long> planIds) {
		// one array parameter, not an array of parameters
		return latestEach("r.plan_id = any(?)", (Object) planIds.toArray(Long[]::new));
	}

	private Map<Long, ProgressUpdate> latestEach(String where, Object... params) {
		Map<Long, ProgressUpdate> latest = new LinkedHashMap<>();
		this.repository.actions(where + " order by u.element_id, r.opens_on desc, r.id desc", params)
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

	/**
	 * A lead's update as a form or the API sends it, kept as typed so a refused form shows it again. {@code version} is
	 * that of the update the writer saw; {@code phase}, for an improvement project, the phase it has reached.
	 */
	public record Draft(@WholeNumber(what = "progress", min = 0, max = 100, example = 40) String progress,
			@CodeOf(value = Assessment.class, message = "Choose on track, at risk, overdue, not started or completed") String assessment,
			@NotBlank(message = "Enter the latest note: what has been done and what comes next") @PlainText(what = "note", max = Workflow.MAX_TEXT) String note,
			List<Long> milestonesDone, Integer version,
			@CodeOf(value = ImprovementProject.Phase.class, message = "Choose charter, testing, implementation, spread, sustained or ended") String phase) {

		public Draft {
			milestonesDone = (milestonesDone != null) ? List.copyOf(milestonesDone) : List.of();
		}

		/** An update that says nothing of a project's phase, as one of an action that is not a project. */
		public Draft(String progress, String assessment, String note, List<Long> milestonesDone, Integer version) {
			this(progress, assessment, note, milestonesDone, version, null);
		}

	}

	/** Saves the lead's update as a draft or, with {@code submit}, for approval. */
	@Transactional
	public ProgressUpdate save(long elementId, long periodId, Draft draft, boolean submit) {
		return save(target(elementId), periodId, draft, draft.version(), submit);
	}

	/**
	 * Records an update approved before this system held the plan, such as those of a progress report
	 * already published; the plan keeps what it says if it is the latest.
	 */
	@Transactional
	public ProgressUpdate recordApproved(long elementId, ReportingPeriod period, int progress, Assessment assessment,
			String note, String writtenBy, String approvedBy, OffsetDateTime approvedAt) {
		this.repository.insert(elementId, period.id(), new UpdateRepository.ActionProgress(progress, assessment, note, List.of(), null),
				new Workflow(UpdateState.APPROVED, null, writtenBy, approvedAt, approvedAt, approvedBy, approvedAt, 0));
		ProgressUpdate update = update(elementId, period.id()).orElseThrow();
		this.audit.created("progress-update", update.id(), "Recorded the approved " + period.name() + " update of element " + elementId,
				update);
		return update;
	}

	@Override
	String entityType() {
		return "progress-update";
	}

	@Override
	ReportingPeriod period(Target target, long periodId) {
		ReportingPeriod period = period(periodId);
		if (period.planId() != target.plan().id()) {
			throw NotFound.because("That reporting period is not one of this plan's");
		}
		return period;
	}

	@Override
	Optional<ProgressUpdate> find(Target target, long periodId) {
		return update(target.element().id(), periodId);
	}

	@Override
	ProgressUpdate find(long updateId) {
		return update(updateId);
	}

	@Override
	Target subjectOf(ProgressUpdate update) {
		return target(update.elementId());
	}

	@Override
	boolean insert(Target target, long periodId, UpdateRepository.ActionProgress progress, Workflow workflow) {
		return this.repository.insert(target.element().id(), periodId, progress, workflow);
	}

	@Override
	boolean save(ProgressUpdate before, UpdateRepository.ActionProgress progress, Workflow workflow) {
		return this.repository.save(before.id(), before.version(), progress, workflow);
	}

	/** The plan takes the approved update, if it is the latest approved. */
	@Override
	void approved(Target target, ReportingPeriod period, ProgressUpdate update) {
		if (history(update.elementId(), false).get(0).id() == update.id()) {
			this.events.publishEvent(new ProgressApproved(update.elementId(), update.progress(), update.assessment(), update.note(),
					update.milestonesDone(), update.phase()));
		}
	}

	@Override
	UpdateRepository.ActionProgress check(Target target, Draft draft) {
		BindingResult errors = this.commands.check(draft);
		Set<Long> own = target.element().children(ElementKind.MILESTONE).stream().map(PlanElement::id).collect(Collectors.toSet());
		if (!own.containsAll(draft.milestonesDone())) {
			Commands.reject(errors, "milestonesDone", "Only this action's own milestones can be marked done");
		}
		String phase = Commands.typed(draft.phase());
		if (phase != null && target.element().project() == null) {
			Commands.reject(errors, "phase", "Only an improvement project has a phase; this action is not run as one");
		}
		Commands.refuseIfAny(errors);
		return new UpdateRepository.ActionProgress(WholeNumber.Check.read(draft.progress()), Assessment.of(draft.assessment()).orElse(null),
				draft.note().strip(), draft.milestonesDone(), ImprovementProject.Phase.of(phase).orElse(null));
	}

}
