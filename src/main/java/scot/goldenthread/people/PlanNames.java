package scot.goldenthread.people;

import java.util.Map;

/** The plans a role can be granted for, as the plans capability answers it: id to "code title". */
public interface PlanNames {

	Map<Long, String> planNames();

}
