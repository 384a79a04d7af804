/**
 * One search over plans, elements and measures, as each person may see them.
 */
@ApplicationModule(displayName = "Search", allowedDependencies = { "measures", "people", "plans", "shared" })
package scot.goldenthread.search;

import org.springframework.modulith.ApplicationModule;
