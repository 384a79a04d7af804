package scot.goldenthread.partnerships;

import java.util.List;

/** The plans a partnership owns, as the plans capability answers it; partnerships know nothing more of plans. */
public interface PartnershipPlans {

	List<PlanLink> plansOf(String partnershipCode);

	record PlanLink(long id, String title, String type, String period, String status) {
	}

}
