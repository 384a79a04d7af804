/**
 * Who changed what, when, before and after: every change is recorded here, and administrators read it.
 */
@ApplicationModule(displayName = "Audit trail", allowedDependencies = { "shared" })
package scot.goldenthread.audit;

import org.springframework.modulith.ApplicationModule;
