package scot.goldenthread.plans;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * Where the update cycle stands for plans, as far as their actions' statuses need it; the cycle answers it,
 * plans know nothing more of it. Each answer is one query, however many plans and actions are asked of.
 */
public interface ReportingPositions {

	/** A reporting period, as a status is judged as at it. */
	record Period(long id, String name, LocalDate deadline) {
	}

	/**
	 * For each plan that has one, the period its actions are judged as at: the latest (by when it opened) that
	 * is closed or has an approved update, as of {@code today}.
	 */
	Map<Long, Period> latest(Collection<Long> planIds, LocalDate today);

	/** For each action of the plans with an approved update, the period of its latest. */
	Map<Long, Period> lastApproved(Collection<Long> planIds);

}
