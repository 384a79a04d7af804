package scot.goldenthread.plans;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A plan's related plans as its page lists them: each once, never itself, linked where held. */
class RelatedPlansTests {

	private static Plan plan(long id, String title, String... related) {
		return new Plan(id, "P" + id, title, PlanType.LOIP, null, null, null, LocalDate.of(2024, 4, 1), LocalDate.of(2034, 3, 31),
				PlanStatus.APPROVED, null, null, List.of(related), null, PlanLevels.PRODUCT);
	}

	@Test
	void eachOnceNeverItselfAndLinkedWhereHeld() {
		Plan loip = plan(1, "Clackmannanshire Wellbeing Local Outcomes Improvement Plan 2024-2034",
				"Clackmannanshire Wellbeing Local Outcomes Improvement Plan 2024/34", "Local Police Plan", "Keeping our Promise 2021/24",
				"Local police plan.", "Local Outcomes Improvement Plan 2017-27 (Refresh)");
		Plan promise = plan(2, "Keeping our Promise 2021-24");

		assertThat(RelatedPlans.of(loip, List.of(loip, promise))).containsExactly(new RelatedPlans.Related("Local Police Plan", null),
				new RelatedPlans.Related("Keeping our Promise 2021/24", 2L),
				new RelatedPlans.Related("Local Outcomes Improvement Plan 2017-27 (Refresh)", null));
	}

	@Test
	void yearsAreComparedAsWrittenInFull() {
		assertThat(RelatedPlans.key("Plan 2024/34")).isEqualTo(RelatedPlans.key("plan 2024 – 2034"));
		assertThat(RelatedPlans.key("Plan 2017-27")).isNotEqualTo(RelatedPlans.key("Plan 2024-2034"));
	}

}
