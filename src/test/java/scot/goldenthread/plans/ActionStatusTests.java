package scot.goldenthread.plans;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ActionStatusTests {

	static final LocalDate START = LocalDate.of(2022, 4, 1);

	static final LocalDate DUE = LocalDate.of(2023, 3, 31);

	/** Half-way through the year, to the day: 50% of the time gone. */
	static final LocalDate MIDWAY = START.plusDays(182);

	static ActionStatus.AsAt at(LocalDate date) {
		return new ActionStatus.AsAt(date, 7L, "Interim update", DUE, false);
	}

	static ActionStatus.Position said(int progress, Assessment assessment) {
		return new ActionStatus.Position(progress, assessment, true, "Interim update");
	}

	ActionStatus.Status judge(ActionStatus.Position position, OwnerDecision owner, LocalDate date) {
		return ActionStatus.judge(START, DUE, owner, position, at(date));
	}

	@Test
	void progressAgainstTheTimeGoneDecidesOnTrackOrAtRisk() {
		assertThat(judge(said(50, null), null, MIDWAY))
			.isEqualTo(new ActionStatus.Status(ExpectedOutcome.ON_TRACK, ExpectedOutcome.ON_TRACK, "50% done with 50% of the time to 31 March 2023 gone",
					null, false));
		assertThat(judge(said(40, null), null, MIDWAY).status()).isEqualTo(ExpectedOutcome.ON_TRACK);
		assertThat(judge(said(39, null), null, MIDWAY).status()).isEqualTo(ExpectedOutcome.AT_RISK);
		assertThat(judge(said(0, null), null, START.plusDays(30)).status()).isEqualTo(ExpectedOutcome.NOT_STARTED);
		assertThat(judge(said(0, null), null, MIDWAY).status()).isEqualTo(ExpectedOutcome.AT_RISK);
	}

	@Test
	void withoutAnUpdateAnActionIsNoUpdateYetOrNotDueToStartNeverNotStarted() {
		assertThat(judge(null, null, MIDWAY))
			.isEqualTo(new ActionStatus.Status(ExpectedOutcome.NO_UPDATE, ExpectedOutcome.NO_UPDATE, "no update has been approved yet", null, false));
		assertThat(judge(null, null, START.minusDays(1)))
			.isEqualTo(new ActionStatus.Status(ExpectedOutcome.NOT_DUE_TO_START, ExpectedOutcome.NOT_DUE_TO_START, "it starts on 1 April 2022",
					null, false));
	}

	@Test
	void theLeadsCurrentAssessmentIsTheStatusAndADisagreementIsSaidInWords() {
		LocalDate fourFifths = START.plusDays(292);
		ActionStatus.Status status = judge(said(20, Assessment.ON_TRACK), null, fourFifths);
		assertThat(status.status()).isEqualTo(ExpectedOutcome.ON_TRACK);
		assertThat(status.judged()).isEqualTo(ExpectedOutcome.AT_RISK);
		assertThat(status.disagrees()).isTrue();
		assertThat(status.remark()).isEqualTo("The lead says on track; at 20% with 80% of the time gone it looks at risk");
		assertThat(judge(said(80, Assessment.ON_TRACK), null, fourFifths).remark()).isNull();
	}

	@Test
	void anAssessmentFromAnEarlierPeriodGivesWayToTheJudgement() {
		ActionStatus.Status status = judge(new ActionStatus.Position(20, Assessment.ON_TRACK, false, "Interim update"), null, DUE);
		assertThat(status.status()).isEqualTo(ExpectedOutcome.AT_RISK);
		assertThat(status.disagrees()).isFalse();
		assertThat(status.remark()).isEqualTo("No update was approved in Interim update; the last, in Interim update, said 20% and on track");
	}

	@Test
	void overdueAfterTheDueDateAndCompletedAtAHundred() {
		assertThat(judge(said(90, null), null, DUE).status()).isEqualTo(ExpectedOutcome.ON_TRACK);
		assertThat(judge(said(90, null), null, DUE.plusDays(1)).why()).isEqualTo("90% done; it was due on 31 March 2023");
		assertThat(judge(said(90, null), null, DUE.plusDays(1)).status()).isEqualTo(ExpectedOutcome.OVERDUE);
		assertThat(judge(said(100, null), null, DUE.plusDays(400)).status()).isEqualTo(ExpectedOutcome.COMPLETED);
		assertThat(judge(said(60, null), OwnerDecision.COMPLETED, MIDWAY).why()).isEqualTo("marked complete by the plan owner");
	}

	@Test
	void cancelledDeferredAndOnHoldAreTheOwnersToSet() {
		for (OwnerDecision owner : new OwnerDecision[] { OwnerDecision.CANCELLED, OwnerDecision.DEFERRED, OwnerDecision.ON_HOLD }) {
			assertThat(judge(said(10, Assessment.ON_TRACK), owner, DUE.plusDays(10)).status()).isEqualTo(owner.outcome());
		}
		assertThat(ActionStatus.judge(null, null, null, said(20, null), at(MIDWAY)).why()).isEqualTo("20% done; no start and due date to judge it against");
	}

	@Test
	void anEndedPlanSaysItGivesItsFinalPosition() {
		assertThat(new ActionStatus.AsAt(LocalDate.of(2022, 12, 16), 7L, "Interim update December 2022", DUE, true).words())
			.isEqualTo("Ended 31 March 2023: the final position, as reported in Interim update December 2022");
		assertThat(new ActionStatus.AsAt(DUE, null, null, DUE, true).words()).isEqualTo("Ended 31 March 2023: the final position");
		assertThat(new ActionStatus.AsAt(MIDWAY, 7L, "Interim update", DUE, false).words()).isEqualTo("Position as at 30 September 2022 (Interim update)");
	}

}
