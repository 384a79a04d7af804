package scot.goldenthread.stocktake;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import scot.goldenthread.plans.PlanElement;
import scot.goldenthread.plans.PlanTree;
import scot.goldenthread.shared.NotFound;
import scot.goldenthread.shared.Refused;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A plan's risk register: the heat map, the risks due for review, every risk, and its owner adding and reviewing them. */
@Controller
class RiskController {

	private final PlanAccess plans;

	private final Risks risks;

	private final Clock clock;

	RiskController(PlanAccess plans, Risks risks, Clock clock) {
		this.plans = plans;
		this.risks = risks;
		this.clock = clock;
	}

	@GetMapping("/plans/{id}/risks")
	String register(@PathVariable long id, Model model) {
		PlanTree tree = this.plans.tree(id);
		LocalDate today = LocalDate.now(this.clock);
		List<Risks.Risk> all = this.risks.of(id, this.plans.seesUnpublished(tree));
		model.addAttribute("plan", tree.plan());
		model.addAttribute("risks", all);
		model.addAttribute("due", all.stream().filter((r) -> r.dueForReview(today)).toList());
		model.addAttribute("heat", Risks.heatMap(all));
		model.addAttribute("names", tree.elements().stream().collect(Collectors.toMap(PlanElement::id, (e) -> e.code() + " " + e.headline())));
		model.addAttribute("mayOwn", this.plans.mayOwn(tree));
		return "stocktake/risks";
	}

	@GetMapping("/plans/{id}/risks/new")
	String riskForm(@PathVariable long id, Model model) {
		PlanTree tree = this.plans.owned(id);
		model.addAttribute("plan", tree.plan());
		model.addAttribute("elements", StockTakeRecords.informable(tree));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new Risks.RiskForm(null, null, null, null, null, null, null, null, null, null, null, "public"));
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "stocktake/risk-form";
	}

	@PostMapping("/plans/{id}/risks/new")
	String addRisk(@PathVariable long id, @ModelAttribute("form") Risks.RiskForm form, Model model, RedirectAttributes redirect) {
		try {
			this.risks.add(this.plans.owned(id), form);
			redirect.addFlashAttribute("done", "The risk is added to the register.");
			return "redirect:/plans/" + id + "/risks";
		}
		catch (Refused ex) {
			model.addAttribute("errors", ex.errors());
			return riskForm(id, model);
		}
	}

	@PostMapping("/plans/{id}/risks/{riskId}/remove")
	String remove(@PathVariable long id, @PathVariable long riskId, RedirectAttributes redirect) {
		if (!this.risks.remove(this.plans.owned(id), riskId)) {
			throw NotFound.because("This plan has no such risk");
		}
		redirect.addFlashAttribute("done", "The risk is removed from the register.");
		return "redirect:/plans/" + id + "/risks";
	}

	@GetMapping("/plans/{id}/risks/{riskId}/review")
	String reviewForm(@PathVariable long id, @PathVariable long riskId, Model model) {
		PlanTree tree = this.plans.owned(id);
		Risks.Risk risk = this.risks.of(id, true).stream().filter((r) -> r.id() == riskId).findFirst()
			.orElseThrow(() -> NotFound.because("This plan has no such risk"));
		model.addAttribute("plan", tree.plan());
		model.addAttribute("risk", risk);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new Risks.ReviewForm(String.valueOf(risk.after().likelihood()), String.valueOf(risk.after().impact()), null,
					null));
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "stocktake/review-form";
	}

	@PostMapping("/plans/{id}/risks/{riskId}/review")
	String review(@PathVariable long id, @PathVariable long riskId, @ModelAttribute("form") Risks.ReviewForm form, Model model,
			RedirectAttributes redirect) {
		try {
			this.risks.review(this.plans.owned(id), riskId, form);
			redirect.addFlashAttribute("done", "The review is recorded.");
			return "redirect:/plans/" + id + "/risks";
		}
		catch (Refused ex) {
			model.addAttribute("errors", ex.errors());
			return reviewForm(id, riskId, model);
		}
	}

}
