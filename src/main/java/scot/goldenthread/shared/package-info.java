/**
 * Small value types and helpers every module uses: codes, notes, dates, text limits and safe spreadsheet cells.
 */
@ApplicationModule(displayName = "Shared", allowedDependencies = {})
package scot.goldenthread.shared;

import org.springframework.modulith.ApplicationModule;
