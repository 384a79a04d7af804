/**
 * Every published value and definition as files anyone may reuse under the open-data licence.
 */
@ApplicationModule(displayName = "Open data", allowedDependencies = { "audit", "measures", "people", "places", "plans", "shared" })
package scot.goldenthread.opendata;

import org.springframework.modulith.ApplicationModule;
