/**
 * Measures and their values by place and period: definitions, imports, status against target, trends and comparisons.
 */
@ApplicationModule(displayName = "Measures", allowedDependencies = { "audit", "people", "shared" })
package scot.goldenthread.measures;

import org.springframework.modulith.ApplicationModule;
