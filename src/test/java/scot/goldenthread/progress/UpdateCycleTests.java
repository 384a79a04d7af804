package scot.goldenthread.progress;

import org.junit.jupiter.api.Test;

import scot.goldenthread.SignedIn;
import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.plans.ElementKind;
import scot.goldenthread.plans.Plan;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanElement;
import scot.goldenthread.plans.PlanTree;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The cycle a lead and an owner go through, and every way it refuses bad or clashing input. */
@SpringBootTest
@AutoConfigureMockMvc
class UpdateCycleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	PlanCatalogue plans;

	@Autowired
	ProgressUpdates updates;

	@Autowired
	AuditLog audit;

	PlanTree ppl() {
		Plan plan = this.plans.plan("PPL-2022-23").orElseThrow();
		return this.plans.tree(plan.id()).orElseThrow();
	}

	PlanElement action(String code) {
		return ppl().ofKind(ElementKind.ACTION).stream().filter((a) -> a.code().equals(code)).findFirst().orElseThrow();
	}

	ReportingPeriod period(String name) {
		return this.updates.periods(ppl().plan().id()).stream().filter((p) -> p.name().equals(name)).findFirst().orElseThrow();
	}

	long openPeriod() {
		return period("End of year 2022/23").id();
	}

	ResultActions saveAs(String user, PlanElement action, String json) throws Exception {
		return this.mvc.perform(put("/api/actions/{a}/updates/{p}", action.id(), openPeriod()).with(SignedIn.as(this.users, user))
			.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	ResultActions reviewAs(String user, long update, String decision, String json) throws Exception {
		return this.mvc.perform(post("/api/updates/{u}/" + decision, update).with(SignedIn.as(this.users, user))
			.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	@Test
	void theDemoHoldsSeed002AsTheApprovedDecember2022InterimUpdate() {
		ReportingPeriod december = period("Interim update December 2022");
		assertThat(december.closed(java.time.LocalDate.now())).isTrue();
		assertThat(december.opensOn()).isEqualTo("2022-09-01");
		ProgressUpdate update = this.updates.update(action("PPL 22 17").id(), december.id()).orElseThrow();
		assertThat(update.state()).isEqualTo(UpdateState.APPROVED);
		assertThat(update.progress()).isEqualTo(50);
		assertThat(update.writtenBy()).isEqualTo("psychologist");
		assertThat(update.reviewedBy()).isEqualTo("people.director");
		assertThat(update.note()).startsWith("A range of training opportunities for those within the People Directorate");
		assertThat(this.updates.history(action("PPL 22 18").id(), false)).singleElement()
			.satisfies((u) -> assertThat(u.progress()).isEqualTo(100));
	}

	@Test
	void aLeadDraftsAndSubmitsTheOwnerReturnsThenApprovesAndThePlanAndTheLoipShowItOnce() throws Exception {
		PlanElement action = action("PPL 22 19");
		saveAs("psychologist", action, """
				{"progress": 60, "assessment": "on-track", "note": "Draft: nurture groups in four schools."}""")
			.andExpect(status().isOk()).andExpect(jsonPath("$.state").value("draft")).andExpect(jsonPath("$.version").value(0));
		// a draft is not published: the plan still says what was last approved
		assertThat(action("PPL 22 19").progress()).isEqualTo(50);
		String submitted = saveAs("psychologist", action, """
				{"progress": 60, "assessment": "on-track", "note": "Nurture groups in four schools.", "version": 0, "submit": true}""")
			.andExpect(jsonPath("$.state").value("submitted")).andReturn().getResponse().getContentAsString();
		long id = Long.parseLong(submitted.replaceAll(".*\"id\":(\\d+).*", "$1"));

		// a contributor cannot approve their own update, nor change it once submitted
		reviewAs("psychologist", id, "approve", "{\"version\": 1}").andExpect(status().isForbidden());
		saveAs("psychologist", action, "{\"progress\": 70, \"note\": \"x\", \"version\": 1}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("ask the plan owner to return it")));

		reviewAs("people.director", id, "return", "{\"version\": 1}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.comment").value("Say what needs to change before returning the update"));
		reviewAs("people.director", id, "return", "{\"version\": 1, \"comment\": \"Say how many pupils.\"}")
			.andExpect(jsonPath("$.state").value("returned")).andExpect(jsonPath("$.reviewComment").value("Say how many pupils."));
		saveAs("psychologist", action, """
				{"progress": 80, "assessment": "on-track", "note": "Nurture groups in four schools:\\n- 48 pupils\\n- 12 staff trained",
				 "version": 2, "submit": true}""").andExpect(jsonPath("$.state").value("submitted"));
		reviewAs("people.director", id, "approve", "{\"version\": 3}").andExpect(jsonPath("$.state").value("approved"))
			.andExpect(jsonPath("$.reviewedBy").value("people.director"));

		PlanElement approved = action("PPL 22 19");
		assertThat(approved.progress()).isEqualTo(80);
		assertThat(approved.latestNote()).isEqualTo("Nurture groups in four schools:\n- 48 pupils\n- 12 staff trained");
		this.mvc.perform(get("/plans/{p}/elements/{e}", approved.planId(), approved.id()).accept(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("<li>48 pupils</li>")))
			.andExpect(content().string(containsString("End of year 2022/23: 80%")))
			.andExpect(content().string(containsString("Interim update December 2022: 50%")));
		// entered once in the People Business Plan, shown on the LOIP priority it serves
		PlanElement loipPriority = this.plans.treeOf(approved.alignedTo().get(0).elementId()).orElseThrow()
			.element(approved.alignedTo().get(0).elementId()).orElseThrow();
		this.mvc.perform(get("/plans/{p}/elements/{e}", loipPriority.planId(), loipPriority.id()).accept(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("PPL 22 19")))
			.andExpect(content().string(containsString("value=\"80\"")));
		assertThat(this.audit.history("progress-update", id)).extracting(AuditLog.AuditEvent::actor)
			.containsExactly("psychologist", "psychologist", "people.director", "psychologist", "people.director");
		assertThat(this.audit.history("plan-element", approved.id())).last()
			.satisfies((e) -> assertThat(e.after()).contains("48 pupils"));
	}

	@Test
	void theSecondOfTwoPeopleSavingTheSameUpdateIsRefusedNotSilentlyOverwritten() throws Exception {
		PlanElement action = action("PPL 22 20");
		saveAs("psychologist", action, "{\"progress\": 55, \"note\": \"First.\"}").andExpect(status().isOk());
		// both opened version 0; the owner saves first
		saveAs("people.director", action, "{\"progress\": 60, \"note\": \"Owner's edit.\", \"version\": 0}").andExpect(status().isOk());
		saveAs("psychologist", action, "{\"progress\": 58, \"note\": \"Lead's edit.\", \"version\": 0}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("people.director changed this update")));
		assertThat(this.updates.update(action.id(), openPeriod()).orElseThrow().note()).isEqualTo("Owner's edit.");
		// the same on the page: the message, and the other person's version in the form
		this.mvc.perform(post("/plans/{p}/elements/{e}/update", action.planId(), action.id()).with(SignedIn.as(this.users, "psychologist"))
			.param("period", String.valueOf(openPeriod())).param("progress", "58").param("note", "Lead's edit.").param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("changed this update")))
			.andExpect(content().string(containsString("Owner&#39;s edit.")));
	}

	@Test
	void badInputGetsAClearMessageBesideItsFieldAndChangesNothing() throws Exception {
		PlanElement action = action("PPL 22 39");
		String tooLong = "a".repeat(Workflow.MAX_TEXT + 1);
		for (String[] bad : new String[][] {
				{ "{\"progress\": 101, \"note\": \"ok\"}", "progress", "Progress must be a whole number from 0 to 100" },
				{ "{\"progress\": -1, \"note\": \"ok\"}", "progress", "Progress must be a whole number from 0 to 100" },
				{ "{\"progress\": \"lots\", \"note\": \"ok\"}", "progress", "Enter progress as a whole number from 0 to 100, for example 40" },
				{ "{\"progress\": 40, \"note\": \"<script>alert('x')</script>\"}", "note", "The note must be plain text without HTML tags" },
				{ "{\"progress\": 40, \"note\": \"" + tooLong + "\"}", "note", "The note must be 10000 characters or fewer; it has 10001" },
				{ "{\"progress\": 40, \"note\": \"  \"}", "note", "Enter the latest note" },
				{ "{\"progress\": 40, \"note\": \"ok\", \"assessment\": \"cancelled\"}", "assessment", "Choose on track" } }) {
			saveAs("psychologist", action, bad[0]).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors." + bad[1]).value(containsString(bad[2])));
		}
		assertThat(this.updates.update(action.id(), openPeriod())).isEmpty();
		this.mvc.perform(post("/plans/{p}/elements/{e}/update", action.planId(), action.id()).with(SignedIn.as(this.users, "psychologist"))
			.param("period", String.valueOf(openPeriod())).param("progress", "150").param("note", "<b>bold</b>"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<p class=\"govuk-error-message\" id=\"progress-error\">")))
			.andExpect(content().string(containsString("&lt;b&gt;bold&lt;/b&gt;</textarea>")));
		// a period's dates in the wrong form
		this.mvc.perform(post("/plans/{p}/periods", action.planId()).with(SignedIn.as(this.users, "people.director"))
			.param("name", "Quarter 1").param("opensOn", "01/04/2023").param("deadline", "2023-06-31").param("closesOn", "2023-07-01"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"opensOn-error\"")))
			.andExpect(content().string(containsString("id=\"deadline-error\"")));
		assertThat(this.updates.periods(action.planId())).extracting(ReportingPeriod::name).doesNotContain("Quarter 1");
		assertThat(this.updates.update(action.id(), openPeriod())).isEmpty();
	}

	@Test
	void aBodyThatCannotBeReadSaysWhichFieldOrWhereTheJsonBreaks() throws Exception {
		PlanElement action = action("PPL 22 39");
		saveAs("psychologist", action, "{\"progres\": 40, \"note\": \"ok\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("The request has a field 'progres' that is not known here; the fields are")))
			.andExpect(jsonPath("$.detail").value(containsString("progress")));
		saveAs("psychologist", action, "{\"progress\": 40,\n \"note\": }").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("(line 2, column")));
		assertThat(this.updates.update(action.id(), openPeriod())).isEmpty();
	}

	@Test
	void aClosedPeriodIsLocked() throws Exception {
		PlanElement action = action("PPL 22 48");
		ReportingPeriod december = period("Interim update December 2022");
		this.mvc.perform(put("/api/actions/{a}/updates/{p}", action.id(), december.id()).with(SignedIn.as(this.users, "admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"progress\": 60, \"note\": \"late\", \"version\": 0}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The reporting period Interim update December 2022 is closed: its updates can no longer change"));
	}

	@Test
	void thePublicSeesOnlyApprovedUpdatesAndViewersSeeTheRest() throws Exception {
		PlanElement action = action("PPL 22 46");
		saveAs("primary.manager", action, "{\"progress\": 40, \"note\": \"Unpublished draft.\"}").andExpect(status().isOk());
		this.mvc.perform(get("/api/actions/{a}/updates", action.id()))
			.andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].state").value("approved"));
		this.mvc.perform(get("/api/actions/{a}/updates", action.id()).with(SignedIn.as(this.users, "committee.member")))
			.andExpect(jsonPath("$.length()").value(2)).andExpect(jsonPath("$[0].state").value("draft"))
			.andExpect(jsonPath("$[1].state").value("approved"));
		this.mvc.perform(get("/plans/{p}/elements/{e}", action.planId(), action.id()).accept(MediaType.TEXT_HTML))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Unpublished draft."))));
	}

	@Test
	void theActionStatusIsWorkedOutAndShownBesideTheLeadsOwn() throws Exception {
		PlanElement action = action("PPL 22 17");
		// the demo's plan ended in 2023: an action due on 31 August 2023 at 50% is overdue now
		this.mvc.perform(get("/plans/{p}/elements/{e}", action.planId(), action.id()).accept(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("Expected outcome (lead's assessment)")))
			.andExpect(content().string(containsString("50% done; it was due on 31 August 2023")));
		this.mvc.perform(post("/plans/{p}/elements/{e}/status", action.planId(), action.id()).with(SignedIn.as(this.users, "people.director"))
			.param("status", "deferred"));
		assertThat(action("PPL 22 17").status(ppl().plan().start(), java.time.LocalDate.now()).status().label()).isEqualTo("Deferred");
		this.mvc.perform(post("/plans/{p}/elements/{e}/status", action.planId(), action.id()).with(SignedIn.as(this.users, "psychologist"))
			.param("status", ""))
			.andExpect(status().isForbidden());
	}

}
