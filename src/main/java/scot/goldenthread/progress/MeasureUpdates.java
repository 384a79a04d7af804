package scot.goldenthread.progress;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.measures.Commentary;
import scot.goldenthread.measures.Measure;
import scot.goldenthread.measures.MeasureCatalogue;
import scot.goldenthread.measures.MeasureUses;
import scot.goldenthread.measures.ObservationImportException;
import scot.goldenthread.measures.Period;
import scot.goldenthread.measures.ValueApproved;
import scot.goldenthread.people.Access;
import scot.goldenthread.people.Scope;
import scot.goldenthread.plans.Plan;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.shared.NotFound;
import scot.goldenthread.shared.Commands;
import scot.goldenthread.shared.PlainText;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BindingResult;

/**
 * A measure's lead enters its value for a reporting period of a plan that uses it, with the story behind
 * the data; the plan's owner approves it, and only then does the value join the measure's series and the
 * commentary its story. The measure is one, so the value shows in every plan that uses it.
 */
@Service
class MeasureUpdates extends UpdateCycle<MeasureUpdates.Target, MeasureUpdate, MeasureUpdates.Draft, UpdateRepository.MeasureValue> {

	private final MeasureCatalogue measures;

	private final MeasureUses uses;

	private final ApplicationEventPublisher events;

	private final PlanCatalogue plans;

	private final ProgressUpdates progress;

	MeasureUpdates(UpdateRepository repository, MeasureCatalogue measures, MeasureUses uses, ApplicationEventPublisher events,
			PlanCatalogue plans, ProgressUpdates progress, Access access, AuditLog audit, Commands commands, Clock clock) {
		super(repository, access, audit, commands, clock);
		this.measures = measures;
		this.uses = uses;
		this.events = events;
		this.plans = plans;
		this.progress = progress;
	}

	/** A measure in a reporting period of a plan that uses it. */
	public record Target(Measure measure, ReportingPeriod period, Plan plan, Scope scope) implements UpdateCycle.Subject {

		@Override
		public List<String> leads() {
			return MeasureUpdates.leads(this.measure);
		}

		@Override
		public String describe(ReportingPeriod period) {
			return period.name() + " value of " + this.measure.code();
		}

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

	public static List<String> leads(Measure measure) {
		return (measure.lead() != null) ? List.of(measure.lead()) : List.of();
	}

	public Optional<MeasureUpdate> update(String code, long periodId) {
		return this.repository.measures("m.code = ? and u.period_id = ?", code, periodId).stream().findFirst();
	}

	/** Every measure's update in the period, by measure code. */
	public Map<String, MeasureUpdate> ofPeriod(long periodId) {
		Map<String, MeasureUpdate> updates = new LinkedHashMap<>();
		this.repository.measures("u.period_id = ?", periodId).forEach((u) -> updates.put(u.measureCode(), u));
		return updates;
	}

	public MeasureUpdate update(long id) {
		return this.repository.measures("u.id = ?", id).stream().findFirst()
			.orElseThrow(() -> NotFound.because("There is no such measure update"));
	}

	/** Every update of the measure, latest period first; the public sees the approved ones only. */
	public List<MeasureUpdate> history(String code, boolean unpublished) {
		return this.repository.measures("m.code = ? and (? or u.state = 'approved') order by r.opens_on desc, r.id desc", code, unpublished);
	}

	/** What a form or API call sends, as typed. {@code version} is that of the update the writer saw. */
	/** A measure's value as a form or the API sends it, kept as typed so a refused form shows it again. */
	public record Draft(String measurePeriod,
			@NotNull(message = NUMBER) @Pattern(regexp = "\\s*-?[0-9,]*\\.?[0-9]+\\s*%?\\s*", message = NUMBER) String value,
			@Pattern(regexp = "provisional|final", message = "Choose provisional or final") String valueStatus,
			@NotBlank(message = "Enter the commentary: the story behind the data") @PlainText(what = "commentary", max = Commentary.MAX_LENGTH) String commentary,
			Integer version) {

		private static final String NUMBER = "Enter the value as a number, for example 14.3";

		/** A value is final unless its lead says it is provisional. */
		public Draft {
			valueStatus = (valueStatus == null || valueStatus.isBlank()) ? "final" : valueStatus.strip();
		}

		BigDecimal number() {
			return new BigDecimal(this.value.strip().replace(",", "").replace("%", "").strip());
		}

	}

	@Transactional
	public MeasureUpdate save(String code, long periodId, Draft draft, boolean submit) {
		return save(target(code, periodId), periodId, draft, draft.version(), submit);
	}

	@Override
	String entityType() {
		return "measure-update";
	}

	@Override
	ReportingPeriod period(Target target, long periodId) {
		return target.period();
	}

	@Override
	Optional<MeasureUpdate> find(Target target, long periodId) {
		return update(target.measure().code(), periodId);
	}

	@Override
	MeasureUpdate find(long updateId) {
		return update(updateId);
	}

	@Override
	Target subjectOf(MeasureUpdate update) {
		return target(update.measureCode(), update.periodId());
	}

	@Override
	boolean insert(Target target, long periodId, UpdateRepository.MeasureValue value, Workflow workflow) {
		return this.repository.insert(target.measure().id(), periodId, value, workflow);
	}

	@Override
	boolean save(MeasureUpdate before, UpdateRepository.MeasureValue value, Workflow workflow) {
		return this.repository.save(before.id(), before.version(), value, workflow);
	}

	/** The approved value joins the measure's series, and the commentary its story. */
	@Override
	void approved(Target target, ReportingPeriod period, MeasureUpdate update) {
		try {
			this.events.publishEvent(new ValueApproved(period.name() + " update of " + update.measureCode(), target.measure(),
					Period.parse(update.measurePeriod(), target.measure().periodType()), update.value(), update.valueStatus(),
					"From the " + period.name() + " update, approved by " + this.audit.actor(), update.commentary(), update.writtenBy()));
		}
		catch (ObservationImportException ex) {
			throw new UpdateRefused("value", ex.report().errors().stream().map((e) -> e.reason()).findFirst().orElse(ex.getMessage()));
		}
	}

	@Override
	UpdateRepository.MeasureValue check(Target target, Draft draft) {
		Measure measure = target.measure();
		BindingResult errors = this.commands.check(draft);
		Period period = null;
		try {
			period = Period.parse(draft.measurePeriod(), measure.periodType());
		}
		catch (IllegalArgumentException ex) {
			Commands.reject(errors, "measurePeriod", "Enter the " + measure.periodType().label().toLowerCase() + " the value is for: " + ex.getMessage());
		}
		BigDecimal value = errors.hasFieldErrors("value") ? null : draft.number();
		if (value != null) {
			measure.impossible(value).ifPresent((why) -> Commands.reject(errors, "value", "This value is impossible: " + why));
		}
		if (measure.area() == null) {
			Commands.reject(errors, "", "The measure has no area to record its values for; ask an administrator to set it");
		}
		Commands.refuseIfAny(errors);
		return new UpdateRepository.MeasureValue(period, value, draft.valueStatus(), draft.commentary().strip());
	}

}
