package scot.goldenthread.plans;

import java.time.LocalDate;
import java.util.List;

/**
 * The places a plan has chosen to focus on, as the module that records the choice (with its evidence) gives them, so
 * the plan's page shows them without the plans knowing how they were chosen.
 */
public interface PlanPriorities {

	/** A place chosen as a priority of the plan: why, and when. */
	record Priority(String place, String placeName, String rationale, LocalDate chosenOn) {
	}

	List<Priority> of(long planId);

}
