package scot.goldenthread.people;

import java.util.LinkedHashMap;
import java.util.Map;

import scot.goldenthread.partnerships.PartnershipDirectory;

import org.springframework.stereotype.Component;

/** Where a role can be held, keyed as forms send it: "" everywhere, "partnership:ID" or "plan:ID". */
@Component
class Places {

	private final PartnershipDirectory partnerships;

	private final PlanNames plans;

	Places(PartnershipDirectory partnerships, PlanNames plans) {
		this.partnerships = partnerships;
		this.plans = plans;
	}

	Map<String, String> all() {
		Map<String, String> places = new LinkedHashMap<>();
		places.put("", "Everywhere");
		this.partnerships.partnerships().forEach((p) -> places.put("partnership:" + p.id(), p.name() + " (partnership)"));
		this.plans.planNames().forEach((id, name) -> places.put("plan:" + id, name + " (plan)"));
		return places;
	}

}
