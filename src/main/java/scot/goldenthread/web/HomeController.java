package scot.goldenthread.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import scot.goldenthread.nationaloutcomes.NationalOutcomes;
import scot.goldenthread.partnerships.Partnership;
import scot.goldenthread.partnerships.PartnershipDirectory;
import scot.goldenthread.partnerships.PartnershipPlans;
import scot.goldenthread.partnerships.PartnershipReports;
import scot.goldenthread.places.AreaChoices;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The front door: for each partnership, how its leading plan is doing and its latest committee report; a way in by
 * the reader's area and by national outcome.
 */
@Controller
class HomeController {

	private final PartnershipDirectory partnerships;

	private final PartnershipPlans plans;

	private final PartnershipReports papers;

	private final AreaChoices areas;

	private final NationalOutcomes outcomes;

	HomeController(PartnershipDirectory partnerships, PartnershipPlans plans, PartnershipReports papers, AreaChoices areas,
			NationalOutcomes outcomes) {
		this.partnerships = partnerships;
		this.plans = plans;
		this.papers = papers;
		this.areas = areas;
		this.outcomes = outcomes;
	}

	/** A partnership on the front page, with its leading plan and the latest committee report of any of its plans, where it has them. */
	record Front(Partnership partnership, PartnershipPlans.Leading leading, PartnershipReports.ReportLink latestReport) {
	}

	@GetMapping("/")
	String home(Model model) {
		Map<String, PartnershipPlans.Leading> leading = this.plans.leadingPlans();
		Map<Long, PartnershipReports.ReportLink> reports = this.papers
			.latestOf(leading.values().stream().flatMap((l) -> l.planIds().stream()).toList());
		List<Front> fronts = this.partnerships.partnerships().stream().filter((p) -> p.parentCode() == null).map((p) -> {
			PartnershipPlans.Leading plans = leading.get(p.code());
			return new Front(p, plans, (plans == null) ? null : plans.planIds().stream().map(reports::get).filter(Objects::nonNull)
				.max(Comparator.comparing(PartnershipReports.ReportLink::meetingDate)).orElse(null));
		}).toList();
		model.addAttribute("fronts", fronts);
		model.addAttribute("areas", this.areas.councils());
		model.addAttribute("outcomes", this.outcomes.all());
		return "home";
	}

}
