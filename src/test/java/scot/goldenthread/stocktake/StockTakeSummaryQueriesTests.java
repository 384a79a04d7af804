package scot.goldenthread.stocktake;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import scot.goldenthread.Fixtures;
import scot.goldenthread.QueryCount;
import scot.goldenthread.SignedIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The summary of every plan against the six statements, its API and the stock-take's open data cost the same queries
 * however many plans there are, and an annual report's page however many measures and sections it has. Not in a test's transaction: the standings are worked out in their own, after the plans
 * are committed.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(QueryCount.Recording.class)
class StockTakeSummaryQueriesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	StockTakeStandings standings;

	@Autowired
	UserDetailsService users;

	static final List<String> PAGES = List.of("/stock-take", "/api/stock-take", "/open-data/stock-take.csv", "/open-data/participation.csv",
			"/open-data/evidence.csv", "/open-data/contributions.csv", "/open-data/risks.csv", "/partnerships/stirling-cpp/agreements");

	@Test
	void theSummaryAndTheOpenDataDoNotGrowWithThePlans() throws Exception {
		this.fixtures.world();
		this.standings.workOutEveryPlan();
		counts();
		List<Integer> before = counts();
		List<String> added = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			added.add(this.fixtures.world().plan().code());
		}
		this.standings.workOutEveryPlan();
		// the first reads after a change fill the caches again, as the first did before
		counts();
		assertThat(counts()).isEqualTo(before);
		String csv = this.mvc.perform(get("/open-data/stock-take.csv")).andReturn().getResponse().getContentAsString();
		assertThat(added).allSatisfy((code) -> assertThat(csv).contains(code + ",1,"));
	}

	/** An annual report's page costs the same with the LOIP's 34 measures and some 40 sections as with a fixture plan's one. */
	@Test
	void anAnnualReportsPageDoesNotGrowWithItsMeasuresAndSections() throws Exception {
		Fixtures.World world = this.fixtures.world();
		String small = this.mvc.perform(post("/plans/{id}/annual-reports", world.plan().id()).param("year", "2024/25")
			.with(SignedIn.as(this.users, world.owner()))).andReturn().getResponse().getRedirectedUrl();
		String loip = this.mvc.perform(get("/plans/1/annual-reports").with(SignedIn.as(this.users, "admin"))).andReturn().getResponse()
			.getContentAsString().replaceAll("(?s).*href=\"(/annual-reports/\\d+)\".*", "$1");
		int few = reportQueries(small, world.owner());
		assertThat(reportQueries(loip, "admin")).isEqualTo(few);
	}

	private int reportQueries(String path, String username) throws Exception {
		this.mvc.perform(get(path).with(SignedIn.as(this.users, username)));
		return QueryCount.of(() -> this.mvc.perform(get(path).with(SignedIn.as(this.users, username))).andReturn().getResponse()
			.getContentAsString()).statements().size();
	}

	private List<Integer> counts() throws Exception {
		List<Integer> counts = new ArrayList<>();
		for (String page : PAGES) {
			counts.add(QueryCount.of(() -> this.mvc.perform(get(page)).andReturn().getResponse().getContentAsString()).statements().size());
		}
		return counts;
	}

}
