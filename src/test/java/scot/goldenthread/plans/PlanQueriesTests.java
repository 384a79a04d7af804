package scot.goldenthread.plans;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

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
 * the LOIP with its measures, costs its page and a search no more queries than before. Asked signed in, so that
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

	@Test
	void aPartnershipsPageAndASearchDoNotGrowWithItsPlans() throws Exception {
		QueryCount.Counted<String> page = read("/partnerships/clackmannanshire-alliance");
		QueryCount.Counted<String> search = read("/search?q=wellbeing");
		String loip = new String(this.plans.export(this.plans.tree(this.plans.plan("LOIP-2024-34").orElseThrow().id()).orElseThrow(),
				PlanFormat.YAML), StandardCharsets.UTF_8);
		for (int n = 1; n <= 3; n++) {
			this.plans.importFile(new ByteArrayInputStream(loip.replace("LOIP-2024-34", "LOIP-COPY-" + n)
				.replace("Clackmannanshire Wellbeing Local Outcomes Improvement Plan 2024-2034", "Copy " + n + " of the LOIP")
				.getBytes(StandardCharsets.UTF_8)), PlanFormat.YAML);
		}
		QueryCount.Counted<String> pageAfter = read("/partnerships/clackmannanshire-alliance");
		QueryCount.Counted<String> searchAfter = read("/search?q=wellbeing");

		assertThat(pageAfter.answer()).contains("Copy 3 of the LOIP");
		assertThat(searchAfter.answer()).contains("Copy 3 of the LOIP");
		assertThat(pageAfter.statements()).as(String.join("\n", pageAfter.statements())).hasSameSizeAs(page.statements());
		assertThat(searchAfter.statements()).as(String.join("\n", searchAfter.statements())).hasSameSizeAs(search.statements());
	}

	@Test
	void aRolledUpReportDoesNotGrowWithThePartnerPlansThatServeIt() throws Exception {
		String loip = "/api/reports/progress?format=csv&rollUp=true&plan=" + this.plans.plan("LOIP-2024-34").orElseThrow().id();
		QueryCount.Counted<String> report = read(loip);
		String ppl = new String(this.plans.export(this.plans.tree(this.plans.plan("PPL-2022-23").orElseThrow().id()).orElseThrow(),
				PlanFormat.YAML), StandardCharsets.UTF_8);
		for (int n = 1; n <= 3; n++) {
			this.plans.importFile(new ByteArrayInputStream(ppl.replace("PPL-2022-23", "PPL-COPY-" + n).getBytes(StandardCharsets.UTF_8)),
					PlanFormat.YAML);
		}
		QueryCount.Counted<String> reportAfter = read(loip);

		assertThat(reportAfter.answer()).contains("PPL-COPY-3");
		assertThat(reportAfter.statements()).as(String.join("\n", reportAfter.statements())).hasSameSizeAs(report.statements());
	}

	QueryCount.Counted<String> read(String path) throws Exception {
		return QueryCount.of(() -> this.mvc.perform(get(path).accept(MediaType.TEXT_HTML).with(SignedIn.as(this.users, "committee.member")))
			.andReturn().getResponse().getContentAsString());
	}

}
