package scot.goldenthread;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each capability is a Spring Modulith module: no cycles between them, and each depends only on the
 * modules its package-info names.
 */
class ModuleTests {

	static final ApplicationModules MODULES = ApplicationModules.of(GoldenThreadApplication.class);

	@Test
	void eachModuleKeepsToWhatItMayUse() {
		MODULES.verify();
	}

	@Test
	void everyCapabilityIsAModule() {
		assertThat(MODULES.stream().map((module) -> module.getIdentifier().toString())).containsExactlyInAnyOrder("annualreports", "audit", "database",
				"demo", "measures", "nationaloutcomes", "opendata", "partnerships", "people", "places", "plans", "progress", "reports", "search",
				"shared", "stocktake", "web");
	}

}
