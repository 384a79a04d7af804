package scot.goldenthread.plans;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import scot.goldenthread.Fixtures;
import scot.goldenthread.QueryCount;
import scot.goldenthread.SignedIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Pages that summarise many plans read them all at once: a partnership with three more plans, each a copy of
 * its plan with its measures, costs its page, the front page and a search no more queries than before. Asked signed in, so that
 * no kept copy answers instead.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(QueryCount.Recording.class)
@Transactional
class PlanQueriesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanCatalogue plans;

	@Autowired
	UserDetailsService users;

	@Autowired
	Fixtures fixtures;

	Fixtures.World world;

	@BeforeEach
	void makeTheWorld() {
		this.world = this.fixtures.world();
	}

	/** Three copies of a plan beside it, with new codes and titles. */
	void copy(Plan plan) {
		copy(plan, 3);
	}

	void copy(Plan plan, int copies) {
		String file = new String(this.plans.export(this.plans.tree(plan.id()).orElseThrow(), PlanFormat.YAML), StandardCharsets.UTF_8);
		for (int n = 1; n <= copies; n++) {
			this.plans.importFile(new ByteArrayInputStream(file.replace(plan.code(), plan.code() + "-COPY-" + n)
				.replace(plan.title(), "Copy " + n + " of " + plan.title()).getBytes(StandardCharsets.UTF_8)), PlanFormat.YAML);
		}
	}

	@Test
	void aPartnershipsPageAndASearchDoNotGrowWithItsPlans() throws Exception {
		String partnership = "/partnerships/" + this.world.plan().partnershipCode();
		String search = "/search?q=" + this.world.tag();
		QueryCount.Counted<String> page = read(partnership);
		QueryCount.Counted<String> found = read(search);
		QueryCount.Counted<String> home = read("/");
		copy(this.world.plan());
		QueryCount.Counted<String> pageAfter = read(partnership);
		QueryCount.Counted<String> foundAfter = read(search);
		QueryCount.Counted<String> homeAfter = read("/");

		assertThat(pageAfter.answer()).contains("Copy 3 of " + this.world.plan().title());
		assertThat(foundAfter.answer()).contains("Copy 3 of " + this.world.plan().title());
		assertThat(pageAfter.statements()).as(String.join("\n", pageAfter.statements())).hasSameSizeAs(page.statements());
		// the front page judges each partnership's leading plan, however many plans it has
		assertThat(homeAfter.answer()).containsPattern("All \\d+ plans of Fixture Partnership " + this.world.tag());
		assertThat(homeAfter.statements()).as(String.join("\n", homeAfter.statements())).hasSameSizeAs(home.statements());
		// no more, and fewer where the measures found were judged the first time and are kept
		assertThat(foundAfter.statements()).as(String.join("\n", foundAfter.statements())).hasSizeLessThanOrEqualTo(found.statements().size());
	}

	@Test
	void aNationalOutcomesPageDoesNotGrowWithThePlansListedUnderIt() throws Exception {
		String outcome = "/national-outcomes/children-and-young-people";
		QueryCount.Counted<String> page = read(outcome);
		copy(this.world.plan());
		QueryCount.Counted<String> pageAfter = read(outcome);

		assertThat(pageAfter.answer()).contains("Copy 3 of " + this.world.plan().title());
		assertThat(pageAfter.statements()).as(String.join("\n", pageAfter.statements())).hasSameSizeAs(page.statements());
	}

	@Test
	void aPartnershipsPageListsItsPlansTenAPage() throws Exception {
		copy(this.world.plan(), 12);
		String partnership = "/partnerships/" + this.world.plan().partnershipCode();
		int all = this.plans.plansOf(this.world.plan().partnershipCode()).size();
		String first = read(partnership).answer();
		String last = read(partnership + "?page=2").answer();

		assertThat(all).isBetween(13, 20);
		assertThat(first).contains("Showing 1 to 10 of " + all + " plans, newest first", "Page 1 of 2", "?page=2\"");
		assertThat(first.split("class=\"gt-plan-summary\"")).hasSize(11);
		assertThat(last).contains("Showing 11 to " + all + " of " + all + " plans", "Page 2 of 2", "?page=1\"");
		assertThat(last.split("class=\"gt-plan-summary\"")).hasSize(all - 10 + 1);
		for (int n = 1; n <= 12; n++) {
			assertThat(first + last).as("copy %d on one page", n).contains("Copy " + n + " of " + this.world.plan().title() + "<");
		}
	}

	@Test
	void aRolledUpReportDoesNotGrowWithThePartnerPlansThatServeIt() throws Exception {
		String rolledUp = "/api/reports/progress?format=csv&rollUp=true&plan=" + this.world.plan().id();
		QueryCount.Counted<String> report = read(rolledUp);
		copy(this.world.partnerPlan().plan());
		QueryCount.Counted<String> reportAfter = read(rolledUp);

		assertThat(reportAfter.answer()).contains(this.world.partnerPlan().plan().code() + "-COPY-3");
		assertThat(reportAfter.statements()).as(String.join("\n", reportAfter.statements())).hasSameSizeAs(report.statements());
	}

	QueryCount.Counted<String> read(String path) throws Exception {
		return QueryCount.of(() -> this.mvc.perform(get(path).accept(MediaType.TEXT_HTML).with(SignedIn.as(this.users, this.world.viewer())))
			.andReturn().getResponse().getContentAsString());
	}

}
