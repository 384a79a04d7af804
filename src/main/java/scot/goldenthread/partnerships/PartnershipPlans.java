package scot.goldenthread.partnerships;

import java.util.List;
import java.util.Map;

/** The plans a partnership owns, as the plans capability answers it; partnerships know nothing more of plans. */
public interface PartnershipPlans {

	List<PlanLink> plansOf(String partnershipCode);

	/**
	 * A plan with its vision, if it has one, and a summary of its progress as approved: how many actions
	 * have each status, as at {@code asAt} in words, and how many measures each status against target and each
	 * trend, in plain words.
	 */
	record PlanLink(long id, String title, String type, String period, String status, String vision, String asAt, Map<String, Long> actions,
			Map<String, Long> measures, Map<String, Long> trends) {
	}

}
