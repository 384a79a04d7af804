package scot.goldenthread.reports;

import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import scot.goldenthread.Fixtures;
import scot.goldenthread.SignedIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What a progress report holds: a selection, the partner plans' actions rolled up, as at a period, and the working draft. */
@SpringBootTest
@AutoConfigureMockMvc
class ProgressReportSelectionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Fixtures fixtures;

	Fixtures.World world;

	@BeforeEach
	void makeTheWorld() {
		this.world = this.fixtures.world();
	}

	MockHttpServletRequestBuilder report(long plan, String format) {
		return get("/api/reports/progress").param("plan", String.valueOf(plan)).param("format", format);
	}

	String text(MockHttpServletRequestBuilder request) throws Exception {
		return new String(this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(),
				StandardCharsets.UTF_8);
	}

	/** The lead saves (and with {@code approve}, submits and the owner approves) an update of an action in an open period. */
	void update(long action, long period, String json, boolean approve) throws Exception {
		String saved = this.mvc.perform(put("/api/actions/{a}/updates/{p}", action, period).with(SignedIn.as(this.users, this.world.lead()))
			.contentType(MediaType.APPLICATION_JSON).content(json.replace("}", ", \"submit\": " + approve + "}")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		if (approve) {
			this.mvc.perform(post("/api/updates/{u}/approve", saved.replaceAll(".*?\"id\":(\\d+).*", "$1"))
				.with(SignedIn.as(this.users, this.world.owner())).contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\": " + saved.replaceAll(".*\"version\":(\\d+).*", "$1") + "}"))
				.andExpect(status().isOk());
		}
	}

	@Test
	void aSelectionNarrowsTheReportAndSaysWhatWasChosenAndABadOneIsNamedByField() throws Exception {
		long plan = this.world.plan().id();
		String lead = this.world.element("A3").leads().get(0);
		String html = text(report(plan, "html").param("lead", lead).param("dueTo", "2028-12-31"));
		assertThat(html).contains("<h1>" + this.world.plan().title() + "</h1>", "Lead: " + lead, "Publish the attainment gap by locality")
			.doesNotContain("Open nurture groups in every school");
		this.mvc.perform(report(plan, "pdf").param("dueFrom", "31/08/2023").param("status", "fine").param("dueTo", "2023-02-30"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.dueFrom").value("The first due date must be a real date"))
			.andExpect(jsonPath("$.errors.dueTo").value("The last due date must be a real date"))
			.andExpect(jsonPath("$.errors.status").value("Choose one of the statuses listed"));
		this.mvc.perform(report(plan, "pdf").param("dueFrom", "2026-01-01").param("dueTo", "2025-01-01").param("priority", "P9"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.dueTo").value("The end of the due date range must be on or after its start"))
			.andExpect(jsonPath("$.errors.priority").value("The plan has no element with the code P9"));
		this.mvc.perform(report(plan, "odt")).andExpect(status().isBadRequest());
	}

	@Test
	void thePlansReportRollsUpThePartnerPlansActionsThatServeEachPriority() throws Exception {
		String html = text(report(this.world.plan().id(), "html").param("rollUp", "true"));
		assertThat(html).contains("Priority - Every child ready to learn", "With the actions of partner plans that serve each priority");
		// the partner's action, with its own code, plan and lead, under the priority it serves
		assertThat(html).contains("B1<span class=\"gt-report__from\">" + this.world.partnerPlan().plan().code() + "</span>");
	}

	@Test
	void theRollUpAsAtAPastPeriodShowsThePartnerPlansActionsAsApprovedByThen() throws Exception {
		// approved now, after the plan's 2025 interim update closed
		update(this.world.servingAction().id(), this.world.partnerOpen().id(), "{\"progress\": 90, \"note\": \"Now running every holiday.\"}", true);
		String asAtTheInterimUpdate = text(report(this.world.plan().id(), "csv").param("rollUp", "true")
			.param("period", String.valueOf(this.world.past().id())));
		assertThat(asAtTheInterimUpdate).contains("B1").contains(",30,").contains("Holiday clubs ran in the summer.")
			.doesNotContain("Now running every holiday.");
		assertThat(text(report(this.world.plan().id(), "csv").param("rollUp", "true"))).contains("Now running every holiday.").contains(",90,");
	}

	@Test
	void theWorkingDraftShowsUpdatesNotYetApprovedAndThePublishedReportDoesNot() throws Exception {
		long plan = this.world.plan().id();
		update(this.world.element("A2").id(), this.world.open().id(), "{\"progress\": 70, \"note\": \"Draft words for the year.\"}", false);
		String draft = text(report(plan, "csv").param("draft", "true").with(SignedIn.as(this.users, this.world.owner())));
		assertThat(draft).contains("A2").contains("Draft words for the year.").contains(",70,").contains("Draft");
		assertThat(text(report(plan, "csv"))).doesNotContain("Draft words for the year.").contains("Planning the first sessions.");
	}

	@Test
	void onlyThoseWhoMaySeeUnpublishedWorkGetTheWorkingDraftAndItIsMarkedDraft() throws Exception {
		long plan = this.world.plan().id();
		this.mvc.perform(get("/api/reports/progress").param("plan", String.valueOf(plan)).param("draft", "true"))
			.andExpect(status().isUnauthorized());
		MvcResult draft = this.mvc.perform(report(plan, "pdf").param("draft", "true").with(SignedIn.as(this.users, this.world.viewer())))
			.andExpect(status().isOk()).andExpect(header().string("Content-Disposition", containsString("-DRAFT-"))).andReturn();
		try (PDDocument doc = Loader.loadPDF(draft.getResponse().getContentAsByteArray())) {
			assertThat(new PDFTextStripper().getText(doc)).contains("DRAFT", "working draft");
		}
		this.mvc.perform(get("/plans/{id}/report", plan).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Download this report")))
			.andExpect(content().string(not(containsString("name=\"draft\""))));
	}

}
