/**
 * Places and inequality: a partnership's localities drawn from data zones, every data-zone measure worked out for
 * larger places and by SIMD quintile, locality profiles, where outcomes are poorest, and maps.
 */
@ApplicationModule(displayName = "Places and inequality", allowedDependencies = { "audit", "measures", "people", "plans", "shared" })
package scot.goldenthread.places;

import org.springframework.modulith.ApplicationModule;
