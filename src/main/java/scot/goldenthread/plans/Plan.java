package scot.goldenthread.plans;

import java.time.LocalDate;
import java.util.List;

public record Plan(long id, String code, String title, PlanType type, String partnershipCode, String partnershipName,
		String owner, LocalDate start, LocalDate end, PlanStatus status, LocalDate approvedOn, String description,
		List<String> relatedPlans, String locality, PlanLevels levels) {

	/** "2024-2034", as plans name their period. */
	public String period() {
		return this.start.getYear() + "-" + this.end.getYear();
	}

}
