package scot.goldenthread.plans;

import java.util.List;

import org.junit.jupiter.api.Test;

import scot.goldenthread.nationaloutcomes.NationalOutcome;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The thread can be followed both ways: from an action to the national outcomes, and back down. */
@SpringBootTest
class GoldenThreadTests {

	@Autowired
	GoldenThread thread;

	@Autowired
	PlanCatalogue catalogue;

	PlanElement element(String planCode, String code) {
		Plan plan = this.catalogue.plan(planCode).orElseThrow();
		return this.catalogue.tree(plan.id()).orElseThrow().elements().stream()
			.filter((e) -> e.code().equals(code)).findFirst().orElseThrow();
	}

	static List<String> codes(List<GoldenThread.PlanGroup> groups, String planCode) {
		return groups.stream().filter((g) -> g.planCode().equals(planCode)).flatMap((g) -> g.entries().stream())
			.map(GoldenThread.Entry::code).toList();
	}

	@Test
	void upFromABusinessPlanActionToTheLoipAndTheNationalOutcomes() {
		long shout = element("PPL-2022-23", "PPL 22 19").id();
		List<GoldenThread.PlanGroup> up = this.thread.up(shout);
		assertThat(up).extracting(GoldenThread.PlanGroup::planCode).containsExactly("LOIP-2024-34", "PPL-2022-23");
		assertThat(codes(up, "PPL-2022-23")).containsExactly("PPL-P3");
		// in the LOIP's own order, with the depth of each element in its tree
		assertThat(codes(up, "LOIP-2024-34")).containsExactly("V", "WB", "WB-A3");
		assertThat(up.get(0).entries()).extracting(GoldenThread.Entry::depth).containsExactly(0, 1, 2);
		assertThat(this.thread.nationalOutcomes(shout)).extracting(NationalOutcome::code)
			.containsExactly("children-and-young-people", "health", "poverty");
	}

	@Test
	void downFromALoipOutcomeToEveryPlanThatServesIt() {
		List<GoldenThread.PlanGroup> down = this.thread.down(element("LOIP-2024-34", "WB").id());
		assertThat(codes(down, "LOIP-2024-34")).contains("WB-T1", "WB-P1", "WB-A7").doesNotContain("WB", "ES");
		assertThat(codes(down, "CSP-2021-24")).contains("GC", "GC-O1", "GC-O1-A1", "BC-O2-A3");
		// three of its four priorities serve Wellbeing, with their 8, 20 and 17 actions
		assertThat(codes(down, "PPL-2022-23")).contains("PPL-P1", "PPL 22 01", "PPL 22 19").doesNotContain("PPL-P4").hasSize(48);
	}

	@Test
	void downFromANationalOutcomeToEveryLocalAction() {
		List<GoldenThread.PlanGroup> down = this.thread.down("health");
		assertThat(codes(down, "LOIP-2024-34")).contains("WB", "WB-A3", "A1-1").doesNotContain("ES");
		assertThat(codes(down, "PPL-2022-23")).contains("PPL 22 19");
		assertThat(codes(down, "CSP-2021-24")).contains("GC-O2-A1");
		assertThat(this.thread.down("international")).isEmpty();
		assertThat(this.thread.countsByNationalOutcome()).containsEntry("international", 0).hasSize(11);
	}

	@Test
	void anElementWithNothingAboveItServesNothing() {
		long vision = element("LOIP-2024-34", "V").id();
		assertThat(this.thread.up(vision)).isEmpty();
		assertThat(this.thread.nationalOutcomes(vision)).isEmpty();
	}

}
