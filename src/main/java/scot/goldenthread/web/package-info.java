/**
 * The home page, error pages, caching of public pages and the API description around every module.
 */
@ApplicationModule(displayName = "Web shell", allowedDependencies = { "audit", "nationaloutcomes", "partnerships", "people", "places", "plans", "shared" })
package scot.goldenthread.web;

import org.springframework.modulith.ApplicationModule;
