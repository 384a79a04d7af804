/**
 * Progress reports, measures reports, plans on a page and committee papers, as pages and files.
 */
@ApplicationModule(displayName = "Reports", allowedDependencies = { "audit", "measures", "partnerships", "people", "plans", "progress", "shared" })
package scot.goldenthread.reports;

import org.springframework.modulith.ApplicationModule;
