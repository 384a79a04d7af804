/**
 * The National Performance Framework's national outcomes, the top of every golden thread.
 */
@ApplicationModule(displayName = "National outcomes", allowedDependencies = {})
package scot.goldenthread.nationaloutcomes;

import org.springframework.modulith.ApplicationModule;
