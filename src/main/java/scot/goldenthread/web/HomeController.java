package scot.goldenthread.web;

import scot.goldenthread.partnerships.PartnershipDirectory;
import scot.goldenthread.people.Access;
import scot.goldenthread.plans.PlanCatalogue;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final PlanCatalogue plans;

	private final PartnershipDirectory partnerships;

	private final Access access;

	HomeController(PlanCatalogue plans, PartnershipDirectory partnerships, Access access) {
		this.plans = plans;
		this.partnerships = partnerships;
		this.access = access;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("plans", this.plans.plans(this.access));
		model.addAttribute("partnerships", this.partnerships.partnerships()
			.stream()
			.filter((p) -> p.parentCode() == null)
			.toList());
		return "home";
	}

}
