/**
 * The embedded PostgreSQL a fresh machine runs on, and backup and restore of everything the service keeps.
 */
@ApplicationModule(displayName = "Database", allowedDependencies = { "audit" })
package scot.goldenthread.database;

import org.springframework.modulith.ApplicationModule;
