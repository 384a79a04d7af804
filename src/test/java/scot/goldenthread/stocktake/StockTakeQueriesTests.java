package scot.goldenthread.stocktake;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import scot.goldenthread.Fixtures;
import scot.goldenthread.QueryCount;
import scot.goldenthread.SignedIn;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanTree;
import scot.goldenthread.shared.DateInput;

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

/** The pages of what a plan stands on, its risks and its check cost no more queries however many records the plan has. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(QueryCount.Recording.class)
@Transactional
class StockTakeQueriesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	PlanCatalogue plans;

	@Autowired
	StockTakeRecords records;

	@Autowired
	Risks risks;

	@Autowired
	Fixtures fixtures;

	Fixtures.World world;

	@BeforeEach
	void makeTheWorld() {
		this.world = this.fixtures.world();
	}

	@Test
	void thePagesDoNotGrowWithTheRecords() throws Exception {
		long plan = this.world.plan().id();
		List<String> pages = List.of("/plans/" + plan + "/stands-on", "/plans/" + plan + "/stock-take", "/plans/" + plan + "/risks",
				"/api/plans/" + plan + "/stands-on");
		add(1);
		// the first read judges the plan's measures, which are kept for the reads after
		counts(pages);
		List<Integer> before = counts(pages);
		add(10);
		List<Integer> after = counts(pages);
		assertThat(read("/plans/" + plan + "/stands-on").answer()).contains("Survey 10", "Study 10");
		assertThat(after).isEqualTo(before);
	}

	/** {@code n} more of each record, each linked to a part of the plan, and each risk reviewed. */
	private void add(int n) {
		PlanTree tree = this.plans.tree(this.world.plan().id()).orElseThrow();
		List<Long> parts = List.of(this.world.element("P1").id(), this.world.element("A1").id());
		for (int i = 1; i <= n; i++) {
			this.records.save(tree, null, new StockTakeRecords.ParticipationForm("engagement", "Survey " + i, "online-survey", null, null, "10", "Alloa",
					"Young carers", null, null, "Contact " + i, "public", parts));
			this.records.save(tree, null, new StockTakeRecords.EvidenceForm("study", "Study " + i, DateInput.parse("2025-03-31"), null, null, null,
					"public", parts, List.of(), false), new StockTakeRecords.Upload("study-" + i + ".pdf", "%PDF-1.4".getBytes()));
			this.records.save(tree, null, new StockTakeRecords.EqualityImpactForm(null, "EqIA " + i, null, "no-major-change", null, null, "public",
					false), null);
			this.records.save(tree, null, new StockTakeRecords.ContributionForm(this.world.element("A" + (1 + i % 3)).id(), this.world.tag() + "-council",
					"2025/26", "1000", null, null, "new"));
			long risk = this.risks.add(tree, new Risks.RiskForm("Risk " + i, null, "Owner", "3", "3", "2", "2", null, null, null, null, "public"));
			this.risks.review(tree, risk, new Risks.ReviewForm("2", "2", "Reviewed", null));
		}
	}

	private List<Integer> counts(List<String> pages) throws Exception {
		List<Integer> counts = new java.util.ArrayList<>();
		for (String page : pages) {
			counts.add(read(page).statements().size());
		}
		return counts;
	}

	private QueryCount.Counted<String> read(String path) throws Exception {
		return QueryCount.of(() -> this.mvc.perform(get(path).accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON)
			.with(SignedIn.as(this.users, this.world.viewer()))).andReturn().getResponse().getContentAsString());
	}

}
