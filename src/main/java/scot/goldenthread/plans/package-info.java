/**
 * Plans as trees of elements, their golden thread to other plans and the national outcomes, and plan files.
 */
@ApplicationModule(displayName = "Plans", allowedDependencies = { "audit", "measures", "nationaloutcomes", "partnerships", "people", "shared" })
package scot.goldenthread.plans;

import org.springframework.modulith.ApplicationModule;
