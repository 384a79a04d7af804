package scot.goldenthread.reports;

import java.util.Map;

/**
 * What a committee paper's "Equalities Impact" section says where an equality impact assessment of its recommendations
 * is recorded, kept by the module that keeps the assessments, so that the paper reads from the record rather than from
 * words typed again.
 */
public interface EqualityDeclarations {

	/** By paper id, the declaration of each of the plan's papers that has an assessment recorded; in one query. */
	Map<Long, String> of(long planId);

}
