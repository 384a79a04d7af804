package scot.goldenthread.progress;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import scot.goldenthread.Fixtures;
import scot.goldenthread.SignedIn;
import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.plans.PlanElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The cycle a lead and an owner go through, and every way it refuses bad or clashing input, each test in a world of its own. */
@SpringBootTest
@AutoConfigureMockMvc
class UpdateCycleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ProgressUpdates updates;

	@Autowired
	AuditLog audit;

	@Autowired
	Fixtures fixtures;

	Fixtures.World world;

	@BeforeEach
	void makeTheWorld() {
		this.world = this.fixtures.world();
	}

	ResultActions saveAs(String user, PlanElement action, ReportingPeriod period, String json) throws Exception {
		return this.mvc.perform(put("/api/actions/{a}/updates/{p}", action.id(), period.id()).with(SignedIn.as(this.users, user))
			.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	ResultActions saveAs(String user, PlanElement action, String json) throws Exception {
		return saveAs(user, action, this.world.open(), json);
	}

	ResultActions reviewAs(String user, long update, String decision, String json) throws Exception {
		return this.mvc.perform(post("/api/updates/{u}/" + decision, update).with(SignedIn.as(this.users, user))
			.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	@Test
	void aLeadDraftsAndSubmitsTheOwnerReturnsThenApprovesAndThePlanAndThePlanItServesShowItOnce() throws Exception {
		String lead = this.world.lead();
		String owner = this.world.owner();
		PlanElement action = this.world.servingAction();
		ReportingPeriod period = this.world.partnerOpen();
		saveAs(lead, action, period, """
				{"progress": 60, "assessment": "on-track", "note": "Draft: nurture groups in four schools."}""")
			.andExpect(status().isOk()).andExpect(jsonPath("$.state").value("draft")).andExpect(jsonPath("$.version").value(0));
		// a draft is not published: the plan still says what was last approved
		assertThat(this.world.servingAction().progress()).isEqualTo(30);
		String submitted = saveAs(lead, action, period, """
				{"progress": 60, "assessment": "on-track", "note": "Nurture groups in four schools.", "version": 0, "submit": true}""")
			.andExpect(jsonPath("$.state").value("submitted")).andReturn().getResponse().getContentAsString();
		long id = Long.parseLong(submitted.replaceAll(".*\"id\":(\\d+).*", "$1"));

		// a contributor cannot approve their own update, nor change it once submitted
		reviewAs(lead, id, "approve", "{\"version\": 1}").andExpect(status().isForbidden());
		saveAs(lead, action, period, "{\"progress\": 70, \"note\": \"x\", \"version\": 1}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("ask the plan owner to return it")));

		reviewAs(owner, id, "return", "{\"version\": 1}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.comment").value("Say what needs to change before returning the update"));
		reviewAs(owner, id, "return", "{\"version\": 1, \"comment\": \"Say how many pupils.\"}")
			.andExpect(jsonPath("$.state").value("returned")).andExpect(jsonPath("$.reviewComment").value("Say how many pupils."));
		saveAs(lead, action, period, """
				{"progress": 80, "assessment": "at-risk", "note": "Nurture groups in four schools:\\n- 48 pupils\\n- 12 staff trained",
				 "version": 2, "submit": true}""").andExpect(jsonPath("$.state").value("submitted"));
		reviewAs(owner, id, "approve", "{\"version\": 3}").andExpect(jsonPath("$.state").value("approved"))
			.andExpect(jsonPath("$.reviewedBy").value(owner));

		PlanElement approved = this.world.servingAction();
		assertThat(approved.progress()).isEqualTo(80);
		assertThat(approved.assessment()).hasToString("AT_RISK");
		assertThat(approved.latestNote()).isEqualTo("Nurture groups in four schools:\n- 48 pupils\n- 12 staff trained");
		this.mvc.perform(get("/plans/{p}/elements/{e}", approved.planId(), approved.id()).accept(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("<li>48 pupils</li>")))
			.andExpect(content().string(containsString("Update now: 80%")));
		// entered once in the partner's plan, shown on the priority it serves
		PlanElement priority = this.world.element("P1");
		this.mvc.perform(get("/plans/{p}/elements/{e}", priority.planId(), priority.id()).accept(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("B1")))
			.andExpect(content().string(containsString("value=\"80\"")));
		assertThat(this.audit.history("progress-update", id)).extracting(AuditLog.AuditEvent::actor)
			.containsExactly(lead, lead, owner, lead, owner);
		assertThat(this.audit.history("plan-element", approved.id())).last()
			.satisfies((e) -> assertThat(e.after()).contains("48 pupils"));
	}

	@Test
	void theSecondOfTwoPeopleSavingTheSameUpdateIsRefusedNotSilentlyOverwritten() throws Exception {
		String lead = this.world.lead();
		String owner = this.world.owner();
		PlanElement action = this.world.element("A2");
		saveAs(lead, action, "{\"progress\": 55, \"note\": \"First.\"}").andExpect(status().isOk());
		// both opened version 0; the owner saves first
		saveAs(owner, action, "{\"progress\": 60, \"note\": \"Owner's edit.\", \"version\": 0}").andExpect(status().isOk());
		saveAs(lead, action, "{\"progress\": 58, \"note\": \"Lead's edit.\", \"version\": 0}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString(owner + " changed this update")));
		assertThat(this.updates.update(action.id(), this.world.open().id()).orElseThrow().note()).isEqualTo("Owner's edit.");
		// the same on the page: the message, and the other person's version in the form
		this.mvc.perform(post("/plans/{p}/elements/{e}/update", action.planId(), action.id()).with(SignedIn.as(this.users, lead))
			.param("period", String.valueOf(this.world.open().id())).param("progress", "58").param("note", "Lead's edit.").param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("changed this update")))
			.andExpect(content().string(containsString("Owner&#39;s edit.")));
	}

	@Test
	void badInputGetsAClearMessageBesideItsFieldAndChangesNothing() throws Exception {
		String lead = this.world.lead();
		PlanElement action = this.world.element("A2");
		String tooLong = "a".repeat(Workflow.MAX_TEXT + 1);
		for (String[] bad : new String[][] {
				{ "{\"progress\": 101, \"note\": \"ok\"}", "progress", "Progress must be a whole number from 0 to 100" },
				{ "{\"progress\": -1, \"note\": \"ok\"}", "progress", "Progress must be a whole number from 0 to 100" },
				{ "{\"progress\": \"lots\", \"note\": \"ok\"}", "progress", "Enter progress as a whole number from 0 to 100, for example 40" },
				{ "{\"progress\": 40, \"note\": \"<script>alert('x')</script>\"}", "note", "The note must be plain text without HTML tags" },
				{ "{\"progress\": 40, \"note\": \"" + tooLong + "\"}", "note", "The note must be 10000 characters or fewer; it has 10001" },
				{ "{\"progress\": 40, \"note\": \"  \"}", "note", "Enter the latest note" },
				{ "{\"progress\": 40, \"note\": \"ok\", \"assessment\": \"cancelled\"}", "assessment", "Choose on track" },
				{ "{\"progress\": 40, \"note\": \"ok\", \"milestonesDone\": [" + this.world.servingAction().id() + "]}", "milestonesDone",
						"Only this action's own milestones can be marked done" } }) {
			saveAs(lead, action, bad[0]).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors." + bad[1]).value(containsString(bad[2])));
		}
		assertThat(this.updates.update(action.id(), this.world.open().id())).isEmpty();
		this.mvc.perform(post("/plans/{p}/elements/{e}/update", action.planId(), action.id()).with(SignedIn.as(this.users, lead))
			.param("period", String.valueOf(this.world.open().id())).param("progress", "150").param("note", "<b>bold</b>"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<p class=\"govuk-error-message\" id=\"progress-error\">")))
			.andExpect(content().string(containsString("&lt;b&gt;bold&lt;/b&gt;</textarea>")));
		// a period's dates in the wrong form, or in the wrong order
		this.mvc.perform(post("/plans/{p}/periods", action.planId()).with(SignedIn.as(this.users, this.world.owner()))
			.param("name", "Quarter 1").param("opensOn", "01/04/2023").param("deadline", "2023-06-31").param("closesOn", "2023-07-01"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"opensOn-error\"")))
			.andExpect(content().string(containsString("id=\"deadline-error\"")))
			.andExpect(content().string(containsString("value=\"01/04/2023\"")));
		this.mvc.perform(post("/plans/{p}/periods", action.planId()).with(SignedIn.as(this.users, this.world.owner()))
			.param("name", "Quarter 1").param("opensOn", "2023-04-01").param("deadline", "2023-03-31").param("closesOn", "2023-03-01"))
			.andExpect(content().string(containsString("The deadline must be on or after the day updates open")))
			.andExpect(content().string(containsString("The close must be on or after the deadline")));
		assertThat(this.updates.periods(action.planId())).extracting(ReportingPeriod::name).doesNotContain("Quarter 1");
		assertThat(this.updates.update(action.id(), this.world.open().id())).isEmpty();
	}

	@Test
	void aBodyThatCannotBeReadSaysWhichFieldOrWhereTheJsonBreaks() throws Exception {
		PlanElement action = this.world.element("A2");
		saveAs(this.world.lead(), action, "{\"progres\": 40, \"note\": \"ok\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("The request has a field 'progres' that is not known here; the fields are")))
			.andExpect(jsonPath("$.detail").value(containsString("progress")));
		saveAs(this.world.lead(), action, "{\"progress\": 40,\n \"note\": }").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("(line 2, column")));
		assertThat(this.updates.update(action.id(), this.world.open().id())).isEmpty();
	}

	@Test
	void aClosedPeriodIsLockedEvenToAnAdministrator() throws Exception {
		saveAs(this.world.administrator(), this.world.element("A2"), this.world.past(), "{\"progress\": 60, \"note\": \"late\", \"version\": 0}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The reporting period Interim update 2025 is closed: its updates can no longer change"));
	}

	@Test
	void thePublicSeesOnlyApprovedUpdatesAndViewersSeeTheRest() throws Exception {
		PlanElement action = this.world.element("A1");
		saveAs(this.world.lead(), action, "{\"progress\": 40, \"note\": \"Unpublished draft.\"}").andExpect(status().isOk());
		this.mvc.perform(get("/api/actions/{a}/updates", action.id()))
			.andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].state").value("approved"));
		this.mvc.perform(get("/api/actions/{a}/updates", action.id()).with(SignedIn.as(this.users, this.world.viewer())))
			.andExpect(jsonPath("$.length()").value(2)).andExpect(jsonPath("$[0].state").value("draft"))
			.andExpect(jsonPath("$[1].state").value("approved"));
		this.mvc.perform(get("/plans/{p}/elements/{e}", action.planId(), action.id()).accept(MediaType.TEXT_HTML))
			.andExpect(content().string(not(containsString("Unpublished draft."))));
	}

	@Test
	void theActionStatusIsWorkedOutAndShownBesideTheLeadsOwnAndOnlyTheOwnerDecidesAbove() throws Exception {
		PlanElement action = this.world.element("A1");
		this.mvc.perform(get("/plans/{p}/elements/{e}", action.planId(), action.id()).accept(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("Worked out from progress and time")))
			.andExpect(content().string(containsString("50% done with ")));
		this.mvc.perform(post("/plans/{p}/elements/{e}/status", action.planId(), action.id()).with(SignedIn.as(this.users, this.world.owner()))
			.param("status", "deferred"));
		this.mvc.perform(get("/plans/{p}/elements/{e}", action.planId(), action.id()).accept(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("Deferred, as set by the plan owner")));
		this.mvc.perform(post("/plans/{p}/elements/{e}/status", action.planId(), action.id()).with(SignedIn.as(this.users, this.world.lead()))
			.param("status", ""))
			.andExpect(status().isForbidden());
		assertThat(this.world.element("A1").ownerDecision()).hasToString("DEFERRED");
	}

}
