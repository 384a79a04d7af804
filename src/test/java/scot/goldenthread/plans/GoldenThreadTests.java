package scot.goldenthread.plans;

import java.util.List;

import org.junit.jupiter.api.Test;

import scot.goldenthread.Fixtures;
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

	@Autowired
	Fixtures fixtures;

	static List<String> codes(List<GoldenThread.PlanGroup> groups, String planCode) {
		return groups.stream().filter((g) -> g.planCode().equals(planCode)).flatMap((g) -> g.entries().stream())
			.map(GoldenThread.Entry::code).toList();
	}

	@Test
	void upFromAPartnersActionToThePlanItServesAndTheNationalOutcomes() {
		Fixtures.World world = this.fixtures.world();
		long served = world.servingAction().id();
		List<GoldenThread.PlanGroup> up = this.thread.up(served);
		assertThat(up).extracting(GoldenThread.PlanGroup::planCode).containsExactly(world.plan().code());
		// in the plan's own order, with the depth of each element in its tree
		assertThat(codes(up, world.plan().code())).containsExactly("O1", "P1");
		assertThat(up.get(0).entries()).extracting(GoldenThread.Entry::depth).containsExactly(0, 1);
		assertThat(this.thread.nationalOutcomes(served)).extracting(NationalOutcome::code).containsExactly("children-and-young-people");
		// and up within its own plan: an action to its priority and outcome
		assertThat(codes(this.thread.up(world.element("A2").id()), world.plan().code())).containsExactly("O1", "P1");
	}

	@Test
	void downFromAnOutcomeToEveryPlanThatServesIt() {
		Fixtures.World world = this.fixtures.world();
		List<GoldenThread.PlanGroup> down = this.thread.down(world.element("O1").id());
		assertThat(codes(down, world.plan().code())).contains("P1", "A1", "A2", "A3").doesNotContain("O1");
		assertThat(codes(down, world.partnerPlan().plan().code())).containsExactly("B1");
	}

	@Test
	void downFromANationalOutcomeToEveryLocalAction() {
		Fixtures.World world = this.fixtures.world();
		List<GoldenThread.PlanGroup> down = this.thread.down("children-and-young-people");
		assertThat(codes(down, world.plan().code())).contains("O1", "P1", "A1");
		assertThat(codes(down, world.partnerPlan().plan().code())).containsExactly("B1");
		assertThat(this.thread.countsByNationalOutcome()).hasSize(11);
	}

	@Test
	void anElementWithNothingAboveItServesNothing() {
		Fixtures.World world = this.fixtures.world();
		long outcome = world.element("O1").id();
		assertThat(this.thread.up(outcome)).isEmpty();
		assertThat(this.thread.nationalOutcomes(world.element("A3").id())).extracting(NationalOutcome::code)
			.containsExactly("children-and-young-people");
	}

}
