package scot.goldenthread.web;

import scot.goldenthread.SignedIn;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import scot.goldenthread.plans.ElementKind;
import scot.goldenthread.plans.Plan;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanElement;
import scot.goldenthread.plans.PlanTree;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

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

	PlanTree tree(String code) {
		Plan plan = this.catalogue.plan(code).orElseThrow();
		return this.catalogue.tree(plan.id()).orElseThrow();
	}

	void page(String url, String... texts) throws Exception {
		this.mvc.perform(get(url).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(java.util.Arrays.stream(texts).map((t) -> containsString(t)).toList().toArray(new org.hamcrest.Matcher[0]))));
	}

	@Test
	void homeAndPartnerships() throws Exception {
		page("/", "Clackmannanshire Alliance", "Stirling Community Planning Partnership", "People Business Plan 2022-23");
		page("/partnerships", "Children and Young People Partnership", "Urban North Place Based Partnership", "Statutory partner");
		page("/partnerships/clackmannanshire-alliance", "Clackmannanshire Wellbeing Local Outcomes Improvement Plan 2024-2034",
				"Tackling Poverty Partnership", "NHS Forth Valley");
		page("/partnerships/stirling-cpp", "CPP Leadership Group", "Urban South Place Based Partnership",
				"Rural North Place Based Partnership", "Rural South Place Based Partnership", "University of Stirling");
		page("/partnerships/children-and-young-people-partnership", "Keeping our Promise 2021-24",
				"Scottish Children&#39;s Reporter Administration");
		page("/partners/police-scotland", "Statutory community planning partner", "Clackmannanshire Alliance");
	}

	@Test
	void plansAsListTreeAndPlanOnAPage() throws Exception {
		PlanTree ppl = tree("PPL-2022-23");
		PlanTree loip = tree("LOIP-2024-34");
		page("/plans", "LOIP-2024-34", "Business plan", "2022-2023");
		page("/plans/" + ppl.plan().id(), "55 actions", "PPL 22 55", "Senior Manager Inclusion &amp; Partnerships; Education Senior Manager (Secondary)",
				"People Workforce Plan", "At risk", "Download as Excel");
		page("/plans/" + loip.plan().id() + "/on-a-page", "Our Vision: Working together to reduce inequality",
				"Our Strategic outcomes 2024-34", "Our Priorities 2024-34", "Our Actions 2024-34",
				"Develop local transport solutions.", "Priority themes: Labour Market &amp; Fair Work; Economic Opportunities",
				"Also in this plan", "Developing transport solutions which meet local needs in Clackmannanshire");
		page("/plans/" + tree("CSP-2021-24").plan().id() + "/on-a-page", "A Good Childhood", "Our Outcomes 2021-24");
	}

	@Test
	void anElementShowsItsNoteAndItsGoldenThreadBothWays() throws Exception {
		PlanTree ppl = tree("PPL-2022-23");
		PlanElement numeracy = ppl.ofKind(ElementKind.ACTION).stream().filter((a) -> a.code().equals("PPL 22 05")).findFirst().orElseThrow();
		page("/plans/" + ppl.plan().id() + "/elements/" + numeracy.id(), "<li>one full-time IO PT has left to take up a new position elsewhere in the authority.</li>",
				"Numeracy Attainment Gap (P1,4,7) has widened to 14.3pp.", "What this serves", "Wellbeing", "We are healthy and active");
		PlanTree loip = tree("LOIP-2024-34");
		PlanElement wellbeing = loip.ofKind(ElementKind.STRATEGIC_OUTCOME).get(0);
		page("/plans/" + loip.plan().id() + "/elements/" + wellbeing.id(), "What serves this", "A Good Childhood", "PPL 22 19",
				"% of children living in low income families", "Tackling Poverty Partnership", "Mental Health Local Solutions");
		page("/national-outcomes", "Fair Work and Business", "We tackle poverty by sharing opportunities, wealth and power more equally");
		page("/national-outcomes/health", "Local plans serving this outcome", "PPL 22 19", "GC-O2-A1");
	}

	@Test
	void missingThingsAreAPageNotFound() throws Exception {
		this.mvc.perform(get("/plans/999999").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
		this.mvc.perform(get("/partnerships/nowhere").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
		this.mvc.perform(get("/national-outcomes/happiness").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
	}

	@Test
	void importShowsEveryProblemOrTheNewPlanAndEscapesWhatUsersWrote() throws Exception {
		this.mvc.perform(get("/plans/import").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/sign-in"));
		this.mvc.perform(get("/plans/import").accept(MediaType.TEXT_HTML).with(SignedIn.as(this.users, "admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Import a plan"), containsString("A .yaml, .json or .xlsx file"))));
		String bad = "format: golden-thread/plan@1\nplan: {code: BAD, title: '<b>x</b>', type: nonsense, start: 2024-01-01, end: 2025-01-01, status: draft}\n";
		this.mvc.perform(multipart("/plans/import").file(new MockMultipartFile("file", "bad.yaml", "application/yaml", bad.getBytes(StandardCharsets.UTF_8))).with(SignedIn.as(this.users, "admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("The plan was not imported"), containsString("1 problem was found"),
					containsString("&#39;nonsense&#39; is not a plan type"))));

		String script = "format: golden-thread/plan@1\nplan: {code: XSS, title: '<script>alert(1)</script>', type: strategy, start: 2024-01-01, end: 2025-01-01, status: draft}\n"
				+ "elements: [{code: A, kind: action, title: '<img src=x onerror=alert(2)>', latestNote: \"<script>alert(3)</script>\\n\\n- <b>bold</b>\"}]\n";
		String location = this.mvc.perform(multipart("/plans/import").file(new MockMultipartFile("file", "x.yaml", "application/yaml", script.getBytes(StandardCharsets.UTF_8))).with(SignedIn.as(this.users, "admin")))
			.andExpect(redirectedUrlPattern("/plans/*?imported"))
			.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.replaceAll("\\D", ""));
		try {
			// a draft: its importer sees it, the public does not
			this.mvc.perform(get("/plans/" + id).accept(MediaType.TEXT_HTML).with(SignedIn.as(this.users, "admin")))
				.andExpect(content().string(allOf(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"),
						containsString("&lt;img src=x onerror=alert(2)&gt;"), not(containsString("<script>alert")),
						not(containsString("<img src=x")))));
			long element = this.catalogue.tree(id).orElseThrow().roots().get(0).id();
			this.mvc.perform(get("/plans/" + id + "/elements/" + element).accept(MediaType.TEXT_HTML).with(SignedIn.as(this.users, "admin")))
				.andExpect(content().string(allOf(containsString("&lt;script&gt;alert(3)&lt;/script&gt;"),
						containsString("<li>&lt;b&gt;bold&lt;/b&gt;</li>"), not(containsString("<script>alert")))));
		}
		finally {
			this.catalogue.delete(id);
		}
	}

}
