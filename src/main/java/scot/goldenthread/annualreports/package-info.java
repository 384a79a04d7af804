/**
 * The annual report on a LOIP's or a locality plan's progress that the Community Empowerment (Scotland) Act 2015
 * requires: made from the data (every measure with its trend, its comparisons and its source; the actions; what the
 * partner plans along the golden thread did; the participation and resources of the year), with officers' words around
 * the figures, approved by the plan's owner and published as it was approved.
 */
@ApplicationModule(displayName = "Annual reports", allowedDependencies = { "audit", "measures", "people", "plans", "progress", "reports",
		"shared", "stocktake" })
package scot.goldenthread.annualreports;

import org.springframework.modulith.ApplicationModule;
