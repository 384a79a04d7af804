/**
 * Community planning partnerships and the partners in each.
 */
@ApplicationModule(displayName = "Partnerships", allowedDependencies = { "audit", "shared" })
package scot.goldenthread.partnerships;

import org.springframework.modulith.ApplicationModule;
