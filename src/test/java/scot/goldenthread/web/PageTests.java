package scot.goldenthread.web;

import scot.goldenthread.Fixtures;
import scot.goldenthread.SignedIn;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import scot.goldenthread.plans.Plan;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every view renders with what a user comes to it for. */
@SpringBootTest
@AutoConfigureMockMvc
class PageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	PlanCatalogue catalogue;

	@Autowired
	Fixtures fixtures;

	void page(String url, String... texts) throws Exception {
		this.mvc.perform(get(url).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(java.util.Arrays.stream(texts).map((t) -> containsString(t)).toList().toArray(new org.hamcrest.Matcher[0]))));
	}

	/** The demo's own: its partnerships and their plans reach the home and partnership pages. */
	@Test
	void homeAndPartnerships() throws Exception {
		// each partnership with its leading plan's progress and its latest committee report; a way in by area and by outcome
		page("/", "Clackmannanshire Alliance", "Clackmannanshire Wellbeing Local Outcomes Improvement Plan 2024-2034",
				"All 2 plans of Clackmannanshire Alliance", "Latest committee report:", "People Business Plan – Interim Update December 2022",
				"Audit and Scrutiny Committee, 9 February 2023", "Stirling Community Planning Partnership", "Measures' trend",
				"<option value=\"S12000005\">Clackmannanshire (council area)</option>", "(ward)</option>", "By national outcome",
				"href=\"/national-outcomes/");
		this.mvc.perform(get("/places").param("area", "S12000005")).andExpect(redirectedUrl("/places/S12000005"));
		this.mvc.perform(get("/places").param("area", "")).andExpect(redirectedUrl("/"));
		this.mvc.perform(get("/places").param("area", "S99999999").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
		this.mvc.perform(get("/places").param("area", "x/../../admin").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
		page("/partnerships", "Children and Young People Partnership", "Urban North Place Based Partnership", "Statutory partner");
		page("/partnerships/clackmannanshire-alliance", "Clackmannanshire Wellbeing Local Outcomes Improvement Plan 2024-2034",
				"People Business Plan 2022-23", "Latest committee report:", "Tackling Poverty Partnership", "NHS Forth Valley");
		page("/partnerships/stirling-cpp", "CPP Leadership Group", "Urban South Place Based Partnership",
				"Rural North Place Based Partnership", "Rural South Place Based Partnership", "University of Stirling");
		page("/partnerships/children-and-young-people-partnership", "Keeping our Promise 2021-24",
				"Scottish Children&#39;s Reporter Administration");
		page("/partners/police-scotland", "Statutory community planning partner", "Clackmannanshire Alliance");
	}

	@Test
	void nobodyIsOfferedWhatTheyMayNotDo() throws Exception {
		Fixtures.World world = this.fixtures.world();
		String plan = "/plans/" + world.plan().id();
		for (String who : new String[] { null, world.lead(), world.viewer() }) {
			for (String page : new String[] { "/", "/plans", plan, "/measures" }) {
				var request = get(page).accept(MediaType.TEXT_HTML);
				String answer = this.mvc.perform((who == null) ? request : request.with(SignedIn.as(this.users, who)))
					.andExpect(status().isOk())
					.andExpect(content().string(not(containsString("Import a plan"))))
					.andExpect(content().string(not(containsString("Reporting periods"))))
					.andReturn().getResponse().getContentAsString();
				// values can be loaded by a contributor, for the measures they lead, but by no viewer
				assertThat(answer.contains("Import measure data")).as(page + " for " + who)
					.isEqualTo(page.equals("/measures") && world.lead().equals(who));
			}
		}
		this.mvc.perform(get(plan).accept(MediaType.TEXT_HTML).with(SignedIn.as(this.users, world.owner())))
			.andExpect(content().string(allOf(containsString("Import a plan"), containsString("Reporting periods"))));
	}

	@Test
	void plansAsListTreeAndPlanOnAPage() throws Exception {
		Fixtures.World world = this.fixtures.world();
		Plan plan = world.plan();
		page("/plans", plan.code(), "Thematic plan", "2025-2028");
		page("/plans/" + plan.id(), "3 actions", "A1", "Open nurture groups in every school", world.element("A3").leads().get(0), "On track",
				"Download as Excel");
		page("/plans/" + plan.id() + "/on-a-page", "Children flourish", "Every child ready to learn", "Publish the attainment gap by locality");
	}

	@Test
	void anElementShowsItsNoteAndItsGoldenThreadBothWays() throws Exception {
		Fixtures.World world = this.fixtures.world();
		PlanElement served = world.servingAction();
		page("/plans/" + served.planId() + "/elements/" + served.id(), "Holiday clubs ran in the summer.", "What this serves",
				"Every child ready to learn", "Children flourish");
		PlanElement priority = world.element("P1");
		page("/plans/" + priority.planId() + "/elements/" + priority.id(), "What serves this", "B1", "Run holiday clubs for families");
		PlanElement action = world.element("A1");
		page("/plans/" + action.planId() + "/elements/" + action.id(), "Groups open in four schools.", "Numeracy gap " + world.tag(),
				"Train the staff");
		page("/national-outcomes", "Fair Work and Business", "We tackle poverty by sharing opportunities, wealth and power more equally");
		page("/national-outcomes/children-and-young-people", "How the local plans serving it are doing", world.plan().title(), "P1",
				"through Children flourish");
	}

	@Test
	void missingThingsAreAPageNotFound() throws Exception {
		this.mvc.perform(get("/plans/999999").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
		this.mvc.perform(get("/partnerships/nowhere").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
		this.mvc.perform(get("/national-outcomes/happiness").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
	}

	@Test
	void importShowsEveryProblemOrTheNewPlanAndEscapesWhatUsersWrote() throws Exception {
		String administrator = this.fixtures.world().administrator();
		this.mvc.perform(get("/plans/import").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/sign-in"));
		this.mvc.perform(get("/plans/import").accept(MediaType.TEXT_HTML).with(SignedIn.as(this.users, administrator)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Import a plan"), containsString("A .yaml, .json or .xlsx file"))));
		String bad = "format: golden-thread/plan@1\nplan: {code: BAD, title: '<b>x</b>', type: nonsense, start: 2024-01-01, end: 2025-01-01, status: draft}\n";
		this.mvc.perform(multipart("/plans/import").file(new MockMultipartFile("file", "bad.yaml", "application/yaml", bad.getBytes(StandardCharsets.UTF_8))).with(SignedIn.as(this.users, administrator)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("The plan was not imported"), containsString("1 problem was found"),
					containsString("&#39;nonsense&#39; is not a plan type"))));

		String script = "format: golden-thread/plan@1\nplan: {code: XSS, title: '<script>alert(1)</script>', type: strategy, start: 2024-01-01, end: 2025-01-01, status: draft}\n"
				+ "elements: [{code: A, kind: action, title: '<img src=x onerror=alert(2)>', latestNote: \"<script>alert(3)</script>\\n\\n- <b>bold</b>\"}]\n";
		String location = this.mvc.perform(multipart("/plans/import").file(new MockMultipartFile("file", "x.yaml", "application/yaml", script.getBytes(StandardCharsets.UTF_8))).with(SignedIn.as(this.users, administrator)))
			.andExpect(redirectedUrlPattern("/plans/*?imported"))
			.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.replaceAll("\\D", ""));
		try {
			// a draft: its importer sees it, the public does not
			this.mvc.perform(get("/plans/" + id).accept(MediaType.TEXT_HTML).with(SignedIn.as(this.users, administrator)))
				.andExpect(content().string(allOf(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"),
						containsString("&lt;img src=x onerror=alert(2)&gt;"), not(containsString("<script>alert")),
						not(containsString("<img src=x")))));
			long element = this.catalogue.tree(id).orElseThrow().roots().get(0).id();
			this.mvc.perform(get("/plans/" + id + "/elements/" + element).accept(MediaType.TEXT_HTML).with(SignedIn.as(this.users, administrator)))
				.andExpect(content().string(allOf(containsString("&lt;script&gt;alert(3)&lt;/script&gt;"),
						containsString("<li>&lt;b&gt;bold&lt;/b&gt;</li>"), not(containsString("<script>alert")))));
		}
		finally {
			this.catalogue.delete(id);
		}
	}

}
