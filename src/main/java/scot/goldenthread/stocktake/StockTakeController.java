package scot.goldenthread.stocktake;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import scot.goldenthread.partnerships.PartnershipDirectory;
import scot.goldenthread.plans.PlanElement;
import scot.goldenthread.plans.PlanTree;
import scot.goldenthread.shared.Coded;
import scot.goldenthread.shared.NotFound;
import scot.goldenthread.shared.Refused;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What a plan stands on, the owner adding to it, and the plan checked against the six statements. */
@Controller
class StockTakeController {

	private final PlanAccess plans;

	private final StockTakeRecords records;

	private final StockTake stockTake;

	private final PartnershipDirectory partnerships;

	StockTakeController(PlanAccess plans, StockTakeRecords records, StockTake stockTake, PartnershipDirectory partnerships) {
		this.plans = plans;
		this.records = records;
		this.stockTake = stockTake;
		this.partnerships = partnerships;
	}

	@GetMapping("/plans/{id}/stands-on")
	String standsOn(@PathVariable long id, Model model) {
		PlanTree tree = this.plans.tree(id);
		boolean unpublished = this.plans.seesUnpublished(tree);
		List<Records.Contribution> contributions = this.records.contributions(id);
		model.addAttribute("plan", tree.plan());
		model.addAttribute("names", tree.elements().stream().collect(Collectors.toMap(PlanElement::id, (e) -> e.code() + " " + e.headline())));
		model.addAttribute("participation", this.records.participation(id, unpublished));
		model.addAttribute("evidence", this.records.evidence(id, unpublished));
		model.addAttribute("contributions", contributions);
		model.addAttribute("byPartner", totals(contributions, Records.Contribution::partnerName));
		model.addAttribute("byYear", totals(contributions, Records.Contribution::financialYear));
		model.addAttribute("mayOwn", this.plans.mayOwn(tree));
		return "stocktake/stands-on";
	}

	/** Money and staff time by partner or year, in name or year order. */
	record Total(BigDecimal money, BigDecimal fte) {
	}

	private static Map<String, Total> totals(List<Records.Contribution> contributions, java.util.function.Function<Records.Contribution, String> by) {
		return new TreeMap<>(contributions.stream().collect(Collectors.groupingBy(by, Collectors.reducing(new Total(BigDecimal.ZERO, BigDecimal.ZERO),
				(c) -> new Total(Objects.requireNonNullElse(c.money(), BigDecimal.ZERO), Objects.requireNonNullElse(c.fte(), BigDecimal.ZERO)),
				(a, b) -> new Total(a.money().add(b.money()), a.fte().add(b.fte()))))));
	}

	@GetMapping("/plans/{id}/stands-on/participation")
	String participationForm(@PathVariable long id, Model model) {
		return form(id, model, "participation", new StockTakeRecords.ParticipationForm(null, null, null, null, null, null, null, null, null, null,
				null, "public", List.of()));
	}

	@PostMapping("/plans/{id}/stands-on/participation")
	String addParticipation(@PathVariable long id, @ModelAttribute("form") StockTakeRecords.ParticipationForm form, Model model,
			RedirectAttributes redirect) {
		return add(id, model, redirect, "participation", () -> this.records.add(this.plans.owned(id), form), "The participation record is added.");
	}

	@GetMapping("/plans/{id}/stands-on/evidence")
	String evidenceForm(@PathVariable long id, Model model) {
		return form(id, model, "evidence", new StockTakeRecords.EvidenceForm(null, null, null, null, null, null, "public", List.of()));
	}

	@PostMapping("/plans/{id}/stands-on/evidence")
	String addEvidence(@PathVariable long id, @ModelAttribute("form") StockTakeRecords.EvidenceForm form, Model model,
			RedirectAttributes redirect) {
		return add(id, model, redirect, "evidence", () -> this.records.add(this.plans.owned(id), form), "The evidence is added.");
	}

	@GetMapping("/plans/{id}/stands-on/contribution")
	String contributionForm(@PathVariable long id, Model model) {
		return form(id, model, "contribution", new StockTakeRecords.ContributionForm(null, null, null, null, null, null, null));
	}

	@PostMapping("/plans/{id}/stands-on/contribution")
	String addContribution(@PathVariable long id, @ModelAttribute("form") StockTakeRecords.ContributionForm form, Model model,
			RedirectAttributes redirect) {
		return add(id, model, redirect, "contribution", () -> this.records.add(this.plans.owned(id), form), "The partner's contribution is added.");
	}

	private String form(long id, Model model, String kind, Object empty) {
		PlanTree tree = this.plans.owned(id);
		model.addAttribute("plan", tree.plan());
		model.addAttribute("elements", StockTakeRecords.informable(tree));
		model.addAttribute("partners", this.partnerships.partners());
		model.addAttribute("methods", choices("Choose how", Records.Participation.Method.values(), Records.Participation.Method::label));
		model.addAttribute("kinds", "evidence".equals(kind) ? choices("Choose a kind", Records.Evidence.Kind.values(), Records.Evidence.Kind::label)
				: choices(null, Records.Participation.Kind.values(), Records.Participation.Kind::label));
		model.addAttribute("sources", choices("Choose one", Records.Contribution.Source.values(), Records.Contribution.Source::label));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", empty);
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "stocktake/" + kind + "-form";
	}

	private String add(long id, Model model, RedirectAttributes redirect, String kind, Runnable adding, String done) {
		try {
			adding.run();
			redirect.addFlashAttribute("done", done);
			return "redirect:/plans/" + id + "/stands-on";
		}
		catch (Refused ex) {
			model.addAttribute("errors", ex.errors());
			return form(id, model, kind, null);
		}
	}

	/** A select's choices, by code, after a first one asking to choose where {@code prompt} is given. */
	private static <E extends Coded> Map<String, String> choices(String prompt, E[] values, java.util.function.Function<E, String> label) {
		Map<String, String> choices = new LinkedHashMap<>();
		if (prompt != null) {
			choices.put("", prompt);
		}
		for (E value : values) {
			choices.put(value.code(), label.apply(value));
		}
		return choices;
	}

	@PostMapping("/plans/{id}/stands-on/{record}/{recordId}/remove")
	String remove(@PathVariable long id, @PathVariable String record, @PathVariable long recordId, RedirectAttributes redirect) {
		if (!this.records.remove(this.plans.owned(id), record, recordId)) {
			throw NotFound.because("This plan has no such record");
		}
		redirect.addFlashAttribute("done", "The record is removed.");
		return "redirect:/plans/" + id + "/stands-on";
	}

	@GetMapping("/plans/{id}/stock-take")
	String check(@PathVariable long id, Model model) {
		PlanTree tree = this.plans.tree(id);
		model.addAttribute("plan", tree.plan());
		model.addAttribute("statements", this.stockTake.check(tree));
		model.addAttribute("assessments", this.records.selfAssessments(id));
		model.addAttribute("mayOwn", this.plans.mayOwn(tree));
		return "stocktake/check";
	}

	@PostMapping("/plans/{id}/stock-take/{statement}")
	String assess(@PathVariable long id, @PathVariable int statement, @ModelAttribute StockTakeRecords.SelfAssessmentForm form,
			RedirectAttributes redirect) {
		if (statement < 1 || statement > 6) {
			throw NotFound.because("There are six statements");
		}
		this.records.assess(this.plans.owned(id), statement, form);
		redirect.addFlashAttribute("done", "The partnership's assessment against statement " + statement + " is saved.");
		return "redirect:/plans/" + id + "/stock-take#statement-" + statement;
	}

}
