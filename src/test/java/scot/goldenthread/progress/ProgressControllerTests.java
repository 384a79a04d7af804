package scot.goldenthread.progress;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.audit.TableVersions;
import scot.goldenthread.people.Access;
import scot.goldenthread.shared.FirstLoad;
import scot.goldenthread.people.Scope;
import scot.goldenthread.plans.ActionStatuses;
import scot.goldenthread.plans.Plan;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanLevels;
import scot.goldenthread.plans.PlanStatus;
import scot.goldenthread.plans.PlanType;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Setting up a reporting period, the page alone: the form's command is checked field by field, then for its dates' order. */
@WebMvcTest(ProgressController.class)
@WithMockUser
class ProgressControllerTests {

	static final Plan PLAN = new Plan(4, "FX-PLAN", "Fixture plan", PlanType.THEMATIC_PLAN, "fx", "Fixture Partnership", "Owner",
			LocalDate.of(2025, 4, 1), LocalDate.of(2028, 3, 31), PlanStatus.APPROVED, null, null, List.of(), null, PlanLevels.PRODUCT);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ProgressUpdates updates;

	@MockitoBean
	Workload workload;

	@MockitoBean
	PlanCatalogue plans;

	@MockitoBean
	Access access;

	@MockitoBean
	AuditLog audit;

	@MockitoBean
	TableVersions versions;

	@MockitoBean
	FirstLoad firstLoad;

	@MockitoBean
	ActionStatuses statuses;

	@BeforeEach
	void anOwnersPlan() {
		given(this.plans.plan(4)).willReturn(Optional.of(PLAN));
		given(this.plans.scopeOf(PLAN)).willReturn(new Scope(4L, 1L));
		given(this.access.mayOwn(any())).willReturn(true);
	}

	@Test
	void aPeriodsDatesAreRealDatesInOrderAndWhatWasTypedIsShownAgain() throws Exception {
		// as GOV.UK's date input sends them: day, month and year
		this.mvc.perform(post("/plans/4/periods").with(csrf()).param("name", "").param("opensOn.day", "1").param("opensOn.month", "")
			.param("opensOn.year", "2026").param("deadline.day", "31").param("deadline.month", "6").param("deadline.year", "2026"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"name-error\""), containsString("id=\"opensOn-error\""),
					containsString("id=\"deadline-error\""), containsString("id=\"closesOn-error\""), containsString("name=\"opensOn.year\""),
					containsString("value=\"2026\""), containsString("The day updates open must include a month"),
					containsString("The deadline must be a real date"), containsString("Enter the day the period closes"))));
		// or as one year-month-day, as a link or a script may
		this.mvc.perform(post("/plans/4/periods").with(csrf()).param("name", "Q").param("opensOn", "01/04/2026").param("deadline", "2026-06-30")
			.param("closesOn", "2026-07-15"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("value=\"01/04/2026\""),
					containsString("The day updates open must be a real date"))));
		this.mvc.perform(post("/plans/4/periods").with(csrf()).param("name", "Quarter 1").param("opensOn", "2026-04-01")
			.param("deadline", "2026-03-31").param("closesOn", "2026-03-01"))
			.andExpect(content().string(allOf(containsString("The deadline must be on or after the day updates open"),
					containsString("The close must be on or after the deadline"))));
		verify(this.updates, never()).createPeriod(any(), any(), any(), any(), any());
		this.mvc.perform(post("/plans/4/periods").with(csrf()).param("name", " Quarter 1 ").param("opensOn.day", "1").param("opensOn.month", "4")
			.param("opensOn.year", "2026").param("deadline", "2026-06-30").param("closesOn.day", " 15 ").param("closesOn.month", "07")
			.param("closesOn.year", "2026"))
			.andExpect(redirectedUrl("/plans/4/periods"));
		verify(this.updates).createPeriod(PLAN, "Quarter 1", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 15));
	}

}
