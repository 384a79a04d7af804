package scot.goldenthread.progress;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.measures.Commentary;
import scot.goldenthread.measures.Measure;
import scot.goldenthread.measures.MeasureCatalogue;
import scot.goldenthread.measures.MeasureUses;
import scot.goldenthread.measures.ObservationImportException;
import scot.goldenthread.measures.ObservationImporter;
import scot.goldenthread.measures.Period;
import scot.goldenthread.measures.PeriodType;
import scot.goldenthread.people.Access;
import scot.goldenthread.people.Scope;
import scot.goldenthread.plans.Plan;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.shared.NotFound;
import scot.goldenthread.shared.Note;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A measure's lead enters its value for a reporting period of a plan that uses it, with the story behind
 * the data; the plan's owner approves it, and only then does the value join the measure's series and the
 * commentary its story. The measure is one, so the value shows in every plan that uses it.
 */
@Service
public class MeasureUpdates {

	private static final String COLUMNS = """
			select u.id, m.code, m.period_type, u.period_id, r.name, u.measure_period, u.value, u.value_status, u.commentary, u.state,
			       u.review_comment, u.written_by, u.written_at, u.submitted_at, u.reviewed_by, u.reviewed_at, u.version
			from measure_update u join reporting_period r on r.id = u.period_id join measure m on m.id = u.measure_id""";

	private final JdbcClient jdbc;

	private final MeasureCatalogue measures;

	private final MeasureUses uses;

	private final ObservationImporter importer;

	private final Commentary commentary;

	private final PlanCatalogue plans;

	private final ProgressUpdates progress;

	private final Access access;

	private final AuditLog audit;

	MeasureUpdates(JdbcClient jdbc, MeasureCatalogue measures, MeasureUses uses, ObservationImporter importer, Commentary commentary,
			PlanCatalogue plans, ProgressUpdates progress, Access access, AuditLog audit) {
		this.jdbc = jdbc;
		this.measures = measures;
		this.uses = uses;
		this.importer = importer;
		this.commentary = commentary;
		this.plans = plans;
		this.progress = progress;
		this.access = access;
		this.audit = audit;
	}

	/** A measure in a reporting period of a plan that uses it. */
	public record Target(Measure measure, ReportingPeriod period, Plan plan, Scope scope) {
	}

	public Measure measure(String code) {
		Measure measure = this.measures.measure(code).orElseThrow(() -> NotFound.because("There is no measure " + code));
		if (measure.gap() != null) {
			throw NotFound.because("The values of " + code + " are worked out from those of " + measure.gap().of() + ": update that measure");
		}
		return measure;
	}

	public Target target(String code, long periodId) {
		Measure measure = measure(code);
		ReportingPeriod period = this.progress.period(periodId);
		Plan plan = this.plans.plan(period.planId()).orElseThrow();
		if (this.uses.of(code).stream().noneMatch((use) -> use.planId() == plan.id())) {
			throw NotFound.because(plan.code() + " does not use the measure " + code);
		}
		return new Target(measure, period, plan, this.plans.scopeOf(plan));
	}

	/** The reporting periods of every plan that uses the measure. */
	public List<ReportingPeriod> periods(String code) {
		return this.uses.of(code).stream().map(MeasureUses.Use::planId).distinct()
			.flatMap((planId) -> this.progress.periods(planId).stream()).toList();
	}

	public boolean mayUpdate(Target target) {
		return this.access.mayUpdate(target.scope(), leads(target.measure()));
	}

	public boolean mayReview(Target target) {
		return this.access.mayOwn(target.scope());
	}

	public static List<String> leads(Measure measure) {
		return (measure.lead() != null) ? List.of(measure.lead()) : List.of();
	}

	public Optional<MeasureUpdate> update(String code, long periodId) {
		return this.jdbc.sql(COLUMNS + " where m.code = ? and u.period_id = ?").params(code, periodId).query(this::map).optional();
	}

	/** Every measure's update in the period, by measure code. */
	public Map<String, MeasureUpdate> ofPeriod(long periodId) {
		Map<String, MeasureUpdate> updates = new LinkedHashMap<>();
		this.jdbc.sql(COLUMNS + " where u.period_id = ?").param(periodId).query(this::map).list()
			.forEach((u) -> updates.put(u.measureCode(), u));
		return updates;
	}

	public MeasureUpdate update(long id) {
		return this.jdbc.sql(COLUMNS + " where u.id = ?").param(id).query(this::map).optional()
			.orElseThrow(() -> NotFound.because("There is no such measure update"));
	}

	/** Every update of the measure, latest period first; the public sees the approved ones only. */
	public List<MeasureUpdate> history(String code, boolean unpublished) {
		return this.jdbc.sql(COLUMNS + " where m.code = ? and (? or u.state = 'approved') order by r.opens_on desc, r.id desc")
			.params(code, unpublished).query(this::map).list();
	}

	/** What a form or API call sends, as typed. {@code version} is that of the update the writer saw. */
	public record Draft(String measurePeriod, String value, String valueStatus, String commentary, Integer version) {
	}

	@Transactional
	public MeasureUpdate save(String code, long periodId, Draft draft, boolean submit) {
		Target target = target(code, periodId);
		this.access.require(mayUpdate(target));
		Cycle.requireOpen(target.period());
		Optional<MeasureUpdate> before = update(code, periodId);
		Cycle.requireEditable(before);
		Cycle.checkVersion(before, draft.version());
		Checked checked = check(target.measure(), draft);
		String state = (submit ? UpdateState.SUBMITTED : UpdateState.DRAFT).code();
		int saved;
		if (before.isEmpty()) {
			saved = this.jdbc.sql("""
					insert into measure_update (measure_id, period_id, measure_period, value, value_status, commentary, state, written_by,
					                            submitted_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, case when ? then now() end) on conflict do nothing""")
				.params(target.measure().id(), periodId, checked.period().start(), checked.value(), checked.valueStatus(),
						checked.commentary(), state, this.audit.actor(), submit)
				.update();
		}
		else {
			saved = this.jdbc.sql("""
					update measure_update set measure_period = ?, value = ?, value_status = ?, commentary = ?, state = ?, written_by = ?,
					       written_at = now(), submitted_at = case when ? then now() end, version = version + 1
					where id = ? and version = ?""")
				.params(checked.period().start(), checked.value(), checked.valueStatus(), checked.commentary(), state,
						this.audit.actor(), submit, before.get().id(), before.get().version())
				.update();
		}
		if (saved == 0) {
			// someone else saved between our read and our write
			Cycle.checkVersion(update(code, periodId), draft.version());
		}
		MeasureUpdate after = update(code, periodId).orElseThrow();
		this.audit.updated("measure-update", after.id(), (submit ? "Submitted" : "Saved a draft of") + " the "
				+ target.period().name() + " value of " + code, before.orElse(null), after);
		return after;
	}

	@Transactional
	public MeasureUpdate approve(long updateId, int version) {
		return review(updateId, version, UpdateState.APPROVED, null);
	}

	@Transactional
	public MeasureUpdate returnForChanges(long updateId, int version, String comment) {
		return review(updateId, version, UpdateState.RETURNED, Cycle.reviewComment(comment));
	}

	private MeasureUpdate review(long updateId, int version, UpdateState decision, String comment) {
		MeasureUpdate before = update(updateId);
		Target target = target(before.measureCode(), before.periodId());
		this.access.require(mayReview(target));
		Cycle.requireOpen(target.period());
		Cycle.requireSubmitted(before);
		Cycle.checkVersion(Optional.of(before), version);
		MeasureUpdate after = Cycle.review(this.jdbc, "measure_update", updateId, version, decision, comment, this.audit.actor(),
				() -> update(updateId));
		this.audit.updated("measure-update", updateId, ((decision == UpdateState.APPROVED) ? "Approved" : "Returned")
				+ " the " + target.period().name() + " value of " + before.measureCode(), before, after);
		if (decision == UpdateState.APPROVED) {
			publish(target, after);
		}
		return after;
	}

	/** The approved value joins the measure's series as an imported one would, and the commentary its story. */
	private void publish(Target target, MeasureUpdate update) {
		Period period = Period.parse(update.measurePeriod(), target.measure().periodType());
		try {
			this.importer.importValue(target.period().name() + " update of " + update.measureCode(), target.measure(), period,
					update.value(), update.valueStatus(), "From the " + target.period().name() + " update, approved by " + this.audit.actor());
		}
		catch (ObservationImportException ex) {
			throw new UpdateRefused("value", ex.report().errors().stream().map((e) -> e.reason()).findFirst().orElse(ex.getMessage()));
		}
		this.commentary.write(target.measure(), update.measurePeriod(), update.commentary(), update.writtenBy());
	}

	private record Checked(Period period, BigDecimal value, String valueStatus, String commentary) {
	}

	private static Checked check(Measure measure, Draft draft) {
		Map<String, String> errors = new LinkedHashMap<>();
		Period period = null;
		try {
			period = Period.parse(draft.measurePeriod(), measure.periodType());
		}
		catch (IllegalArgumentException ex) {
			errors.put("measurePeriod", "Enter the " + measure.periodType().label().toLowerCase() + " the value is for: " + ex.getMessage());
		}
		BigDecimal value = null;
		try {
			value = new BigDecimal(Objects.requireNonNullElse(draft.value(), "").strip().replace(",", "").replace("%", ""));
			measure.impossible(value).ifPresent((why) -> errors.put("value", "This value is impossible: " + why));
		}
		catch (NumberFormatException ex) {
			errors.put("value", "Enter the value as a number, for example 14.3");
		}
		String valueStatus = (draft.valueStatus() == null || draft.valueStatus().isBlank()) ? "final" : draft.valueStatus().strip();
		if (!List.of("provisional", "final").contains(valueStatus)) {
			errors.put("valueStatus", "Choose provisional or final");
		}
		if (measure.area() == null) {
			errors.put("", "The measure has no area to record its values for; ask an administrator to set it");
		}
		String commentary = Note.read("commentary", "commentary", draft.commentary(), Commentary.MAX_LENGTH,
				"Enter the commentary: the story behind the data", errors);
		if (!errors.isEmpty()) {
			throw new UpdateRefused(errors);
		}
		return new Checked(period, value, valueStatus, commentary);
	}

	private MeasureUpdate map(ResultSet rs, int row) throws SQLException {
		Period period = new Period(PeriodType.of(rs.getString("period_type")).orElseThrow(),
				rs.getDate("measure_period").toLocalDate());
		return new MeasureUpdate(rs.getLong("id"), rs.getString("code"), rs.getLong("period_id"), rs.getString("name"), period.code(),
				rs.getBigDecimal("value"), rs.getString("value_status"), rs.getString("commentary"), UpdateState.of(rs.getString("state")),
				rs.getString("review_comment"), rs.getString("written_by"), rs.getObject("written_at", OffsetDateTime.class),
				rs.getObject("submitted_at", OffsetDateTime.class), rs.getString("reviewed_by"),
				rs.getObject("reviewed_at", OffsetDateTime.class), rs.getInt("version"));
	}

}
