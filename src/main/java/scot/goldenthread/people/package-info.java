/**
 * Accounts, roles, sign-in and access tokens, and the one answer to who may do what where.
 */
@ApplicationModule(displayName = "People", allowedDependencies = { "audit", "partnerships", "shared" })
package scot.goldenthread.people;

import org.springframework.modulith.ApplicationModule;
