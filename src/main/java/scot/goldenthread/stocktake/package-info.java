/**
 * What a plan stands on, as the national stock-take of LOIPs judges them (seed 004): the participation, evidence and
 * partners' resources behind a plan, and the check of the plan against the six statements, worked out from the data,
 * beside the partnership's own assessment.
 */
@ApplicationModule(displayName = "Stock-take", allowedDependencies = { "audit", "measures", "partnerships", "people", "plans", "progress",
		"reports", "shared" })
package scot.goldenthread.stocktake;

import org.springframework.modulith.ApplicationModule;
