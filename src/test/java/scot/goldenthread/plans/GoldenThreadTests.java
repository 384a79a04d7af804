package scot.goldenthread.plans;

import java.util.List;

import org.junit.jupiter.api.Test;

import scot.goldenthread.Fixtures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
		// through the outcome O1, which is aligned to it
		assertThat(this.thread.nationalOutcomes(served)).extracting((s) -> s.outcome().code(), GoldenThread.ServedOutcome::through)
			.containsExactly(tuple("children-and-young-people", world.element("O1").title()));
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
	void underANationalOutcomeWhatIsAlignedToItAndWhatServesThatDirectly() {
		Fixtures.World world = this.fixtures.world();
		List<GoldenThread.PlanGroup> down = this.thread.down("children-and-young-people");
		String o1 = world.element("O1").title();
		// O1 is aligned to the outcome; its priorities serve it through O1; the actions under them are too far down
		List<GoldenThread.Entry> entries = down.stream().filter((g) -> g.planCode().equals(world.plan().code())).findFirst().orElseThrow().entries();
		assertThat(entries).extracting(GoldenThread.Entry::code, GoldenThread.Entry::through).contains(tuple("O1", null), tuple("P1", o1));
		assertThat(codes(down, world.plan().code())).doesNotContain("A1", "A2", "A3");
		// the partner's action serves P1, not O1
		assertThat(codes(down, world.partnerPlan().plan().code())).isEmpty();
		assertThat(this.thread.countsByNationalOutcome()).hasSize(11).containsEntry("children-and-young-people", down.stream().mapToInt((g) -> g.entries().size()).sum());
	}

	@Test
	void anElementWithNothingAboveItServesNothing() {
		Fixtures.World world = this.fixtures.world();
		long outcome = world.element("O1").id();
		assertThat(this.thread.up(outcome)).isEmpty();
		assertThat(this.thread.nationalOutcomes(world.element("A3").id())).extracting((s) -> s.outcome().code())
			.containsExactly("children-and-young-people");
		assertThat(this.thread.nationalOutcomes(world.element("O1").id())).extracting(GoldenThread.ServedOutcome::through).containsOnlyNulls();
	}

}
