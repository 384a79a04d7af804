/**
 * The seed plans, measures, people and papers loaded into an empty database at first start.
 */
@ApplicationModule(displayName = "Demo data", allowedDependencies = { "annualreports", "measures", "partnerships", "people", "places", "plans", "progress", "reports", "shared", "stocktake" })
package scot.goldenthread.demo;

import org.springframework.modulith.ApplicationModule;
