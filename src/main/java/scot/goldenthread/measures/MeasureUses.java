package scot.goldenthread.measures;

import java.util.List;
import java.util.Map;
import java.util.Set;

import scot.goldenthread.people.Access;
import scot.goldenthread.people.Scope;

/** The plan elements that use a measure, as the plans capability answers it. */
public interface MeasureUses {

	List<Use> of(String measureCode);

	/** Where each measure that plans use is used, by its code: the plans and partnerships that own it. */
	Map<String, Set<Scope>> owners();

	/** The plans this person (or the public) may see that use measures, each with the codes of the measures it uses. */
	List<PlanMeasures> plansUsingMeasures(Access access);

	record Use(long planId, String planTitle, long elementId, String elementCode, String kind, String elementTitle) {
	}

	/**
	 * A plan's measures; for each national outcome its elements serve, the codes of the measures of those elements; and
	 * for each of its strategic outcomes, the codes of the measures used under it.
	 */
	record PlanMeasures(String planCode, String planTitle, String partnershipCode, String partnershipName, Set<String> measureCodes,
			List<Served> served, List<Under> under) {
	}

	/** A strategic outcome of a plan, "LOIP-2024-34/WB" as plan files refer to it, that a measure is used under. */
	record Under(String reference, String title, String measureCode) {
	}

	/** A national outcome a plan's use of a measure serves. */
	record Served(String outcomeCode, String outcomeName, String measureCode) {
	}

}
