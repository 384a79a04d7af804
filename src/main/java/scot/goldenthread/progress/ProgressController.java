package scot.goldenthread.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import scot.goldenthread.people.Access;
import scot.goldenthread.people.Account;
import scot.goldenthread.plans.ActionStatuses;
import scot.goldenthread.plans.ElementKind;
import scot.goldenthread.plans.ImprovementProject;
import scot.goldenthread.plans.Assessment;
import scot.goldenthread.plans.OwnerDecision;
import scot.goldenthread.plans.Plan;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.shared.Coded;
import scot.goldenthread.shared.Commands;
import scot.goldenthread.shared.DateInput;
import scot.goldenthread.shared.NotFound;
import scot.goldenthread.shared.Refused;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pages of the update cycle: my updates, a plan's reporting periods, and an action's update and its review. */
@Controller
class ProgressController {

	private final ProgressUpdates updates;

	private final Workload workload;

	private final PlanCatalogue plans;

	private final Access access;

	private final Clock clock;

	private final ActionStatuses statuses;

	ProgressController(ProgressUpdates updates, Workload workload, PlanCatalogue plans, Access access, ActionStatuses statuses, Clock clock) {
		this.statuses = statuses;
		this.updates = updates;
		this.workload = workload;
		this.plans = plans;
		this.access = access;
		this.clock = clock;
	}

	@GetMapping("/my-updates")
	String myUpdates(Model model) {
		Account me = this.access.current().orElseThrow();
		LocalDate today = LocalDate.now(this.clock);
		List<Workload.Item> open = this.workload.open(today);
		List<Workload.Item> mine = this.workload.of(me, open);
		model.addAttribute("owed", mine.stream().filter(Workload.Item::owed).toList());
		model.addAttribute("submitted", mine.stream().filter((i) -> !i.owed()).toList());
		model.addAttribute("toApprove", this.workload.awaitingApproval(open));
		model.addAttribute("periods", mine.stream().filter(Workload.Item::action).map(Workload.Item::period).distinct().toList());
		model.addAttribute("owned", open.stream().filter((i) -> this.access.mayOwn(i.scope())).map((i) -> i.tree().plan()).distinct().toList());
		model.addAttribute("today", today);
		return "progress/my-updates";
	}

	@GetMapping("/plans/{planId}/periods")
	String periods(@PathVariable long planId, Model model) {
		Plan plan = plan(planId);
		model.addAttribute("plan", plan);
		model.addAttribute("periods", this.updates.periods(planId));
		model.addAttribute("mayOwn", this.access.mayOwn(this.plans.scopeOf(plan)));
		model.addAttribute("today", LocalDate.now(this.clock));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "progress/periods";
	}

	/** A reporting period as its owner types it. */
	record PeriodForm(@NotBlank(message = NAME) @Size(max = 200, message = NAME) String name,
			@DateInput.Valid(what = "the day updates open", required = true) DateInput opensOn,
			@DateInput.Valid(what = "the deadline", required = true) DateInput deadline,
			@DateInput.Valid(what = "the day the period closes", required = true) DateInput closesOn) {

		static final String NAME = "Enter a name of up to 200 characters, such as Interim update December 2022";

		/** Updates open, are due, then close, in that order. */
		void checkOrder(BindingResult errors) {
			if (errors.hasErrors()) {
				return;
			}
			if (DateInput.date(this.deadline).isBefore(DateInput.date(this.opensOn))) {
				Commands.reject(errors, "deadline", "The deadline must be on or after the day updates open");
			}
			if (DateInput.date(this.closesOn).isBefore(DateInput.date(this.deadline))) {
				Commands.reject(errors, "closesOn", "The close must be on or after the deadline");
			}
		}

	}

	@PostMapping("/plans/{planId}/periods")
	String createPeriod(@PathVariable long planId, @Valid @ModelAttribute("form") PeriodForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Plan plan = plan(planId);
		this.access.require(this.access.mayOwn(this.plans.scopeOf(plan)));
		form.checkOrder(errors);
		try {
			Commands.refuseIfAny(errors);
			this.updates.createPeriod(plan, form.name().strip(), DateInput.date(form.opensOn()), DateInput.date(form.deadline()),
					DateInput.date(form.closesOn()));
			redirect.addFlashAttribute("done", "The reporting period " + form.name().strip() + " is set up.");
			return "redirect:/plans/" + planId + "/periods";
		}
		catch (Refused ex) {
			model.addAttribute("errors", ex.errors());
			return periods(planId, model);
		}
	}

	@PostMapping("/plans/{planId}/periods/{periodId}/close")
	String closePeriod(@PathVariable long planId, @PathVariable long periodId, RedirectAttributes redirect) {
		ReportingPeriod period = this.updates.period(periodId);
		if (period.planId() != planId) {
			throw NotFound.because("There is no such reporting period in this plan");
		}
		this.updates.closePeriod(period);
		redirect.addFlashAttribute("done", "The reporting period " + period.name() + " is closed: its updates can no longer change.");
		return "redirect:/plans/" + planId + "/periods";
	}

	@GetMapping("/plans/{planId}/elements/{elementId}/update")
	String updateForm(@PathVariable long planId, @PathVariable long elementId, @RequestParam(required = false) Long period,
			Model model) {
		ProgressUpdates.Target target = target(planId, elementId);
		this.access.require(this.updates.mayUpdate(target) || this.updates.mayReview(target));
		List<ReportingPeriod> periods = this.updates.periods(planId);
		LocalDate today = LocalDate.now(this.clock);
		ReportingPeriod chosen = (period != null) ? this.updates.period(period)
				: periods.stream().filter((p) -> p.open(today)).findFirst().orElse(null);
		model.addAttribute("target", target);
		model.addAttribute("periods", periods);
		model.addAttribute("period", chosen);
		model.addAttribute("today", today);
		model.addAttribute("status", this.statuses.of(target.tree()).of(target.element()));
		model.addAttribute("mayUpdate", this.updates.mayUpdate(target));
		model.addAttribute("mayReview", this.updates.mayReview(target));
		model.addAttribute("assessments", assessments());
		model.addAttribute("milestones", target.element().children(ElementKind.MILESTONE));
		model.addAttribute("phases", phases());
		model.addAttribute("history", this.updates.timeline(elementId, true));
		if (chosen != null) {
			var update = this.updates.update(elementId, chosen.id());
			model.addAttribute("update", update.orElse(null));
			if (!model.containsAttribute("form")) {
				ImprovementProject project = target.element().project();
				model.addAttribute("form", update.map((u) -> new ProgressUpdates.Draft(String.valueOf(u.progress()), Coded.codeOf(u.assessment()),
						u.note(), u.milestonesDone(), u.version(), Coded.codeOf(u.phase())))
					.orElse(new ProgressUpdates.Draft(String.valueOf(target.element().progress() != null ? target.element().progress() : 0),
							Coded.codeOf(target.element().assessment()), "", List.of(), null, (project != null) ? project.phase().code() : null)));
			}
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "progress/update";
	}

	@PostMapping("/plans/{planId}/elements/{elementId}/update")
	String save(@PathVariable long planId, @PathVariable long elementId, @RequestParam long period,
			ProgressUpdates.Draft draft, @RequestParam(defaultValue = "save") String action, Model model, RedirectAttributes redirect) {
		target(planId, elementId);
		try {
			ProgressUpdate saved = this.updates.save(elementId, period, draft, "submit".equals(action));
			redirect.addFlashAttribute("done", (saved.state() == UpdateState.SUBMITTED)
					? "Your update has been submitted to the plan owner for approval." : "Your draft has been saved. Submit it when it is ready.");
			return "redirect:/plans/" + planId + "/elements/" + elementId + "/update?period=" + period;
		}
		catch (Refused ex) {
			model.addAttribute("errors", ex.errors());
			// after a clash the other person's version is shown; otherwise what this writer typed, to correct
			if (!(ex instanceof UpdateConflict)) {
				model.addAttribute("form", draft);
			}
			return updateForm(planId, elementId, period, model);
		}
	}

	@PostMapping("/updates/{updateId}/approve")
	String approve(@PathVariable long updateId, @RequestParam int version, RedirectAttributes redirect) {
		return UpdatePages.decide(() -> this.updates.approve(updateId, version), "The update is approved and published.",
				page(updateId), redirect);
	}

	@PostMapping("/updates/{updateId}/return")
	String returnUpdate(@PathVariable long updateId, @RequestParam int version, @RequestParam(required = false) String comment,
			RedirectAttributes redirect) {
		return UpdatePages.decide(() -> this.updates.returnForChanges(updateId, version, comment),
				"The update has been returned to its lead with your comment.", page(updateId), redirect);
	}

	/** The page an update is written and reviewed on. */
	private String page(long updateId) {
		ProgressUpdate update = this.updates.update(updateId);
		// the update's period is its plan's, so the plan is known without reading its tree
		return "/plans/" + this.updates.period(update.periodId()).planId() + "/elements/" + update.elementId() + "/update?period="
				+ update.periodId();
	}

	/** A plan owner sets an action completed, cancelled, deferred or on hold; empty leaves it worked out. */
	@PostMapping("/plans/{planId}/elements/{elementId}/status")
	String setStatus(@PathVariable long planId, @PathVariable long elementId, @RequestParam(defaultValue = "") String status,
			RedirectAttributes redirect) {
		ProgressUpdates.Target target = target(planId, elementId);
		this.access.require(this.updates.mayReview(target));
		OwnerDecision chosen = OwnerDecision.of(status).orElse(null);
		if (!status.isEmpty() && chosen == null) {
			redirect.addFlashAttribute("errors", Map.of("status", "Choose completed, cancelled, deferred, on hold or worked out"));
		}
		else {
			this.plans.decide(elementId, chosen);
			redirect.addFlashAttribute("done", "The action's status is set.");
		}
		return "redirect:/plans/" + planId + "/elements/" + elementId;
	}

	private ProgressUpdates.Target target(long planId, long elementId) {
		ProgressUpdates.Target target = this.updates.target(elementId);
		if (target.plan().id() != planId) {
			throw NotFound.because("There is no such action in this plan");
		}
		return target;
	}

	private Plan plan(long planId) {
		return this.plans.plan(planId).orElseThrow(() -> NotFound.because("There is no such plan"));
	}

	/** An improvement project's phases, each with what it means, as choices for its update. */
	static Map<String, String> phases() {
		Map<String, String> options = new LinkedHashMap<>();
		for (ImprovementProject.Phase phase : ImprovementProject.Phase.values()) {
			options.put(phase.code(), phase.label() + ": " + phase.meaning());
		}
		return options;
	}

	static Map<String, String> assessments() {
		Map<String, String> options = new LinkedHashMap<>();
		options.put("", "Not assessed");
		for (Assessment assessment : Assessment.values()) {
			options.put(assessment.code(), assessment.label());
		}
		return options;
	}

}
