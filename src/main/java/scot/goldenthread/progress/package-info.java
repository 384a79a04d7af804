/**
 * Reporting periods and the one workflow every update goes through, an action's or a measure's: draft, submitted, approved or returned.
 */
@ApplicationModule(displayName = "Update cycle", allowedDependencies = { "audit", "measures", "partnerships", "people", "plans", "shared" })
package scot.goldenthread.progress;

import org.springframework.modulith.ApplicationModule;
