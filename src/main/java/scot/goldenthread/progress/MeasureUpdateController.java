package scot.goldenthread.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import scot.goldenthread.measures.Geographies;
import scot.goldenthread.measures.Measure;
import scot.goldenthread.measures.Observations;
import scot.goldenthread.measures.Period;
import scot.goldenthread.people.Access;
import scot.goldenthread.shared.Refused;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A measure's value for a reporting period: the lead enters it, the plan owner approves or returns it. */
@Controller
class MeasureUpdateController {

	/** Values shown above the form, so the lead sees the series they add to. */
	private static final int RECENT = 5;

	private static final Map<String, String> STATUSES = new LinkedHashMap<>(Map.of("final", "Final"));
	static {
		STATUSES.put("provisional", "Provisional");
	}

	private final MeasureUpdates updates;

	private final Observations observations;

	private final Geographies geographies;

	private final Access access;

	private final Clock clock;

	MeasureUpdateController(MeasureUpdates updates, Observations observations, Geographies geographies, Access access, Clock clock) {
		this.updates = updates;
		this.observations = observations;
		this.geographies = geographies;
		this.access = access;
		this.clock = clock;
	}

	@GetMapping("/measures/{code}/update")
	String updateForm(@PathVariable String code, @RequestParam(required = false) Long period, Model model) {
		Measure measure = this.updates.measure(code);
		List<ReportingPeriod> periods = this.updates.periods(code);
		LocalDate today = LocalDate.now(this.clock);
		Long chosenId = (period != null) ? period : periods.stream().filter((p) -> p.open(today)).findFirst().map(ReportingPeriod::id).orElse(null);
		MeasureUpdates.Target target = (chosenId != null) ? this.updates.target(code, chosenId) : null;
		ReportingPeriod chosen = (target != null) ? target.period() : null;
		List<Observations.Observation> values = this.observations.of(measure, measure.area(), "", null, null, true);
		this.access.require(this.access.current().isPresent());
		if (target != null) {
			boolean mayUpdate = this.updates.mayUpdate(target);
			boolean mayReview = this.updates.mayReview(target);
			this.access.require(mayUpdate || mayReview || this.access.maySeeUnpublished(target.scope()));
			MeasureUpdate update = this.updates.update(code, chosen.id()).orElse(null);
			model.addAttribute("target", target);
			model.addAttribute("update", update);
			model.addAttribute("mayUpdate", mayUpdate);
			model.addAttribute("mayReview", mayReview);
			if (!model.containsAttribute("form")) {
				// a new value is most likely for the period after the latest one held
				String next = values.isEmpty() ? "" : Period.parse(values.get(values.size() - 1).period(), measure.periodType()).next().code();
				model.addAttribute("form", (update != null)
						? new MeasureUpdates.Draft(update.measurePeriod(), update.value().toPlainString(), update.valueStatus(), update.commentary(),
								update.version())
						: new MeasureUpdates.Draft(next, "", "final", "", null));
			}
		}
		model.addAttribute("measure", measure);
		model.addAttribute("periods", periods);
		model.addAttribute("period", chosen);
		model.addAttribute("today", today);
		List<Observations.Observation> recent = new ArrayList<>(values.subList(Math.max(0, values.size() - RECENT), values.size()));
		Collections.reverse(recent);
		model.addAttribute("recent", recent);
		model.addAttribute("areaName", this.geographies.name(measure.area()));
		model.addAttribute("history", this.updates.history(code, true));
		model.addAttribute("statuses", STATUSES);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "progress/measure-update";
	}

	@PostMapping("/measures/{code}/update")
	String save(@PathVariable String code, @RequestParam long period, MeasureUpdates.Draft draft,
			@RequestParam(defaultValue = "save") String action, Model model, RedirectAttributes redirect) {
		try {
			MeasureUpdate saved = this.updates.save(code, period, draft, "submit".equals(action));
			redirect.addFlashAttribute("done", (saved.state() == UpdateState.SUBMITTED)
					? "Your value has been submitted to the plan owner for approval." : "Your draft has been saved. Submit it when it is ready.");
			return "redirect:/measures/" + code + "/update?period=" + period;
		}
		catch (Refused ex) {
			model.addAttribute("errors", ex.errors());
			// after a clash the other person's version is shown; otherwise what this writer typed, to correct
			if (!(ex instanceof UpdateConflict)) {
				model.addAttribute("form", draft);
			}
			return updateForm(code, period, model);
		}
	}

	@PostMapping("/measure-updates/{updateId}/approve")
	String approve(@PathVariable long updateId, @RequestParam int version, RedirectAttributes redirect) {
		return UpdatePages.decide(() -> this.updates.approve(updateId, version), "The value is approved and published with its commentary.",
				page(updateId), redirect);
	}

	@PostMapping("/measure-updates/{updateId}/return")
	String returnUpdate(@PathVariable long updateId, @RequestParam int version, @RequestParam(required = false) String comment,
			RedirectAttributes redirect) {
		return UpdatePages.decide(() -> this.updates.returnForChanges(updateId, version, comment),
				"The value has been returned to its lead with your comment.", page(updateId), redirect);
	}

	/** The page a measure's update is written and reviewed on. */
	private String page(long updateId) {
		MeasureUpdate update = this.updates.update(updateId);
		return "/measures/" + update.measureCode() + "/update?period=" + update.periodId();
	}

}
