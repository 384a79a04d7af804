/**
 * The home page, error pages, caching of public pages and the API description around every module.
 */
@ApplicationModule(displayName = "Web shell", allowedDependencies = { "audit", "partnerships", "people", "plans" })
package scot.goldenthread.web;

import org.springframework.modulith.ApplicationModule;
