package scot.goldenthread;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Capabilities stay apart: no cycles, and the lower ones never reach up into those built on them. */
@AnalyzeClasses(packages = "scot.goldenthread", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	private static final String APP = "scot.goldenthread.";

	@ArchTest
	static final ArchRule capabilitiesHaveNoCycles = slices().matching("scot.goldenthread.(*)..").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule referenceCapabilitiesKnowNothingOfPlans = noClasses()
		.that().resideInAnyPackage(APP + "partnerships..", APP + "measures..", APP + "nationaloutcomes..", APP + "audit..",
				APP + "database..")
		.should().dependOnClassesThat().resideInAnyPackage(APP + "plans..", APP + "web..", APP + "demo..");

	/** Who may do what is decided without knowing plans or the update cycle, which ask it. */
	@ArchTest
	static final ArchRule peopleKnowNothingOfPlansOrUpdates = noClasses()
		.that().resideInAPackage(APP + "people..")
		.should().dependOnClassesThat().resideInAnyPackage(APP + "plans..", APP + "progress..", APP + "measures..");

	/** Plans show an action's history through an interface the update cycle implements. */
	@ArchTest
	static final ArchRule plansKnowNothingOfTheUpdateCycle = noClasses()
		.that().resideInAPackage(APP + "plans..")
		.should().dependOnClassesThat().resideInAPackage(APP + "progress..");

	/**
	 * Reports read every capability; none reads reports but the demo, which loads a committee paper, the stock-take,
	 * which counts the committee papers a plan has had and prints its check, and the annual reports, which print
	 * through them and read the actions as the year left them.
	 */
	@ArchTest
	static final ArchRule nothingDependsOnReports = noClasses()
		.that().resideOutsideOfPackages(APP + "reports..", APP + "demo..", APP + "stocktake..", APP + "annualreports..")
		.should().dependOnClassesThat().resideInAPackage(APP + "reports..");

	@ArchTest
	static final ArchRule onlyTheApplicationUsesTheDemoData = noClasses()
		.that().resideOutsideOfPackage(APP + "demo..")
		.should().dependOnClassesThat().resideInAPackage(APP + "demo..");

	@ArchTest
	static final ArchRule capabilitiesDoNotDependOnTheWebShell = noClasses()
		.that().resideOutsideOfPackage(APP + "web..")
		.should().dependOnClassesThat().resideInAPackage(APP + "web..");

}
