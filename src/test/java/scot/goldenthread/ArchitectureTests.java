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

	@ArchTest
	static final ArchRule onlyTheApplicationUsesTheDemoData = noClasses()
		.that().resideOutsideOfPackage(APP + "demo..")
		.should().dependOnClassesThat().resideInAPackage(APP + "demo..");

	@ArchTest
	static final ArchRule capabilitiesDoNotDependOnTheWebShell = noClasses()
		.that().resideOutsideOfPackage(APP + "web..")
		.should().dependOnClassesThat().resideInAPackage(APP + "web..");

}
