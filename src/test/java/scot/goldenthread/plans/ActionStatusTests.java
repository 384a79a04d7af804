package scot.goldenthread.plans;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ActionStatusTests {

	static final LocalDate START = LocalDate.of(2022, 4, 1);

	static final LocalDate DUE = LocalDate.of(2023, 3, 31);

	/** Half-way through the year, to the day: 50% of the time gone. */
	static final LocalDate MIDWAY = START.plusDays(182);

	ActionStatus.Judgement judge(Integer progress, OwnerDecision owner, LocalDate today) {
		return ActionStatus.judge(START, DUE, progress, owner, today);
	}

	@Test
	void progressAgainstTheTimeGoneDecidesOnTrackOrAtRisk() {
		assertThat(judge(50, null, MIDWAY)).isEqualTo(new ActionStatus.Judgement(ExpectedOutcome.ON_TRACK,
				"50% done with 50% of the time to 31 March 2023 gone"));
		assertThat(judge(40, null, MIDWAY).status()).isEqualTo(ExpectedOutcome.ON_TRACK);
		assertThat(judge(39, null, MIDWAY).status()).isEqualTo(ExpectedOutcome.AT_RISK);
		assertThat(judge(0, null, START.plusDays(30)).status()).isEqualTo(ExpectedOutcome.NOT_STARTED);
		assertThat(judge(0, null, MIDWAY).status()).isEqualTo(ExpectedOutcome.AT_RISK);
		assertThat(judge(null, null, START.minusDays(1))).isEqualTo(new ActionStatus.Judgement(ExpectedOutcome.NOT_STARTED,
				"0% done; it starts on 1 April 2022"));
	}

	@Test
	void overdueAfterTheDueDateAndCompletedAtAHundred() {
		assertThat(judge(90, null, DUE).status()).isEqualTo(ExpectedOutcome.ON_TRACK);
		assertThat(judge(90, null, DUE.plusDays(1))).isEqualTo(new ActionStatus.Judgement(ExpectedOutcome.OVERDUE,
				"90% done; it was due on 31 March 2023"));
		assertThat(judge(100, null, DUE.plusDays(400)).status()).isEqualTo(ExpectedOutcome.COMPLETED);
		assertThat(judge(60, OwnerDecision.COMPLETED, MIDWAY).why()).isEqualTo("marked complete by the plan owner");
	}

	@Test
	void cancelledDeferredAndOnHoldAreTheOwnersToSet() {
		for (OwnerDecision owner : new OwnerDecision[] { OwnerDecision.CANCELLED, OwnerDecision.DEFERRED, OwnerDecision.ON_HOLD }) {
			assertThat(judge(10, owner, DUE.plusDays(10)).status()).isEqualTo(owner.outcome());
		}
		assertThat(ActionStatus.judge(null, null, 20, null, MIDWAY).why()).isEqualTo("20% done; no start and due date to judge it against");
	}

}
