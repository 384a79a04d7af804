package scot.goldenthread.partnerships;

import java.util.List;
import java.util.Map;

import scot.goldenthread.shared.Paging;

/** The plans a partnership owns, as the plans capability answers it; partnerships know nothing more of plans. */
public interface PartnershipPlans {

	/** How many plans a page of a partnership's plans shows. */
	int PAGE = 10;

	/** The page asked for (from 1) of the plans the partnership owns that the person asking may see, newest first. */
	Plans plansOf(String partnershipCode, int page);

	record Plans(List<PlanLink> shown, Paging paging) {
	}

	/**
	 * Each partnership's leading plan, by partnership code, as the person asking may see it: its newest Local
	 * Outcomes Improvement Plan not archived, or else its newest plan not archived; with all its plans' ids.
	 */
	Map<String, Leading> leadingPlans();

	record Leading(PlanLink plan, List<Long> planIds) {
	}

	/**
	 * A plan with its vision, if it has one, and a summary of its progress as approved: how many actions
	 * have each status, as at {@code asAt} in words, and how many measures each status against target and each
	 * trend, in plain words.
	 */
	record PlanLink(long id, String title, String type, String period, String status, String vision, String asAt, Map<String, Long> actions,
			Map<String, Long> measures, Map<String, Long> trends) {
	}

}
