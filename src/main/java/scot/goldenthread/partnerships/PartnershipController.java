package scot.goldenthread.partnerships;

import scot.goldenthread.shared.NotFound;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class PartnershipController {

	private final PartnershipDirectory directory;

	private final PartnershipPlans plans;

	private final PartnershipReports reports;

	PartnershipController(PartnershipDirectory directory, PartnershipPlans plans, PartnershipReports reports) {
		this.directory = directory;
		this.plans = plans;
		this.reports = reports;
	}

	@GetMapping("/partnerships")
	String partnerships(Model model) {
		model.addAttribute("partnerships", this.directory.partnerships());
		model.addAttribute("partners", this.directory.partners());
		return "partnerships/list";
	}

	@GetMapping("/partnerships/{code}")
	String partnership(@PathVariable String code, @RequestParam(defaultValue = "1") int page, Model model) {
		Partnership partnership = this.directory.partnership(code).orElseThrow(() -> NotFound.because("There is no such partnership"));
		model.addAttribute("partnership", partnership);
		model.addAttribute("parent", (partnership.parentCode() != null) ? this.directory.partnership(partnership.parentCode()).orElse(null) : null);
		model.addAttribute("members", this.directory.members(code));
		model.addAttribute("parts", this.directory.partOf(code));
		PartnershipPlans.Plans plans = this.plans.plansOf(code, page);
		model.addAttribute("plans", plans);
		model.addAttribute("reports", this.reports.latestOf(plans.shown().stream().map(PartnershipPlans.PlanLink::id).toList()));
		return "partnerships/partnership";
	}

	@GetMapping("/partners/{code}")
	String partner(@PathVariable String code, Model model) {
		model.addAttribute("partner", this.directory.partner(code).orElseThrow(() -> NotFound.because("There is no such partner")));
		model.addAttribute("partnerships", this.directory.partnershipsOf(code));
		return "partnerships/partner";
	}

}
