package scot.goldenthread.progress;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one workflow every update goes through, as a pure rule: no database, no clock but the one passed in. */
class WorkflowTests {

	static final OffsetDateTime MONDAY = OffsetDateTime.parse("2026-11-30T09:00:00Z");

	static final OffsetDateTime TUESDAY = MONDAY.plusDays(1);

	@Test
	void aLeadSavesADraftThenSubmitsItAndAnOwnerApprovesIt() {
		Workflow draft = Workflow.begun(null, false, "psychologist", MONDAY);
		assertThat(draft).isEqualTo(new Workflow(UpdateState.DRAFT, null, "psychologist", MONDAY, null, null, null, 0));
		Workflow submitted = draft.saved(0, true, "psychologist", TUESDAY);
		assertThat(submitted).isEqualTo(new Workflow(UpdateState.SUBMITTED, null, "psychologist", TUESDAY, TUESDAY, null, null, 1));
		Workflow approved = submitted.approved(1, "people.director", TUESDAY.plusHours(1));
		assertThat(approved).isEqualTo(new Workflow(UpdateState.APPROVED, null, "psychologist", TUESDAY, TUESDAY, "people.director",
				TUESDAY.plusHours(1), 2));
	}

	@Test
	void aReturnedUpdateCarriesItsCommentAndIsTheLeadsToChangeAgain() {
		Workflow submitted = Workflow.begun(null, true, "cswo", MONDAY);
		assertThatThrownBy(() -> submitted.returned(0, "  ", "people.director", TUESDAY)).isInstanceOf(UpdateRefused.class)
			.hasMessageContaining("Say what needs to change");
		Workflow returned = submitted.returned(0, " Add the figures. ", "people.director", TUESDAY);
		assertThat(returned.state()).isEqualTo(UpdateState.RETURNED);
		assertThat(returned.reviewComment()).isEqualTo("Add the figures.");
		assertThat(returned.saved(1, true, "cswo", TUESDAY).state()).isEqualTo(UpdateState.SUBMITTED);
	}

	@Test
	void eachMoveIsRefusedFromAStateThatDoesNotAllowIt() {
		Workflow submitted = Workflow.begun(null, true, "cswo", MONDAY);
		assertThatThrownBy(() -> submitted.saved(0, false, "cswo", TUESDAY)).isInstanceOf(UpdateRefused.class)
			.hasMessageContaining("ask the plan owner to return it");
		Workflow approved = submitted.approved(0, "people.director", TUESDAY);
		assertThatThrownBy(() -> approved.saved(1, false, "cswo", TUESDAY)).hasMessageContaining("approved and published");
		assertThatThrownBy(() -> approved.approved(1, "people.director", TUESDAY))
			.hasMessageContaining("Only a submitted update can be approved or returned; this one is approved");
		assertThatThrownBy(() -> Workflow.begun(null, false, "cswo", MONDAY).approved(0, "people.director", TUESDAY))
			.hasMessageContaining("this one is draft");
	}

	@Test
	void aMoveOnTopOfAnotherVersionIsAConflictNamingWhoChangedIt() {
		Workflow draft = Workflow.begun(null, false, "cswo", MONDAY).saved(0, false, "people.director", TUESDAY);
		assertThatThrownBy(() -> draft.saved(0, true, "cswo", TUESDAY)).isInstanceOf(UpdateConflict.class)
			.hasMessageStartingWith("people.director changed this update (draft) after you opened it");
		assertThatThrownBy(() -> Workflow.begun(3, false, "cswo", MONDAY)).isInstanceOf(UpdateConflict.class)
			.hasMessage("The update you opened no longer exists; start again.");
		assertThatThrownBy(() -> Workflow.checkVersion(Optional.of(draft), null)).isInstanceOf(UpdateConflict.class);
	}

	@Test
	void onlyAnOpenPeriodTakesUpdates() {
		ReportingPeriod period = new ReportingPeriod(1, 1, "End of year 2022/23", LocalDate.parse("2023-04-01"),
				LocalDate.parse("2023-05-31"), LocalDate.parse("2023-06-30"), null, null);
		Workflow.requireOpen(period, LocalDate.parse("2023-06-30"));
		assertThatThrownBy(() -> Workflow.requireOpen(period, LocalDate.parse("2023-03-31"))).hasMessageContaining("opens on 2023-04-01");
		assertThatThrownBy(() -> Workflow.requireOpen(period, LocalDate.parse("2023-07-01"))).hasMessageContaining("is closed");
	}

}
